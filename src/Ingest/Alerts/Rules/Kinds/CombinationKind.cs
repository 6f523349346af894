using System.ComponentModel;
using SmartPark.Ingest.Alerts.Engine;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>Every rule in <see cref="Requires"/> (or one of its <c>a|b</c> alternatives) met
/// somewhere at one enterprise within <see cref="Window"/> (smoke and heat: a confirmed fire).</summary>
public sealed class CombinationKind : EnterpriseKind
{
    private static readonly RuleKindTitles KindTitles = new("组合条件", "combination");

    public override string Name => "combination";

    public override RuleKindTitles Titles => KindTitles;

    [Description("Rule ids that must all be met; a|b accepts either.")]
    public string[]? Requires { get; set; }

    [Description("How close together the required rules must be met.")]
    public TimeSpan? Window { get; set; }

    public override IEnumerable<string> Missing()
    {
        if (Requires is not { Length: > 0 })
            yield return nameof(Requires);
        if (Window is null)
            yield return nameof(Window);
    }

    public override Verdict Judge(EngineState state, string park, string enterprise, DateTimeOffset now)
    {
        var since = now - Window!.Value;
        var met = Requires!.All(required =>
        {
            var alternatives = required.Split('|', StringSplitOptions.TrimEntries);
            return alternatives.Any(ruleId => state.ConditionsAt(park, enterprise, ruleId).Any(c => c.Met || c.LastMetAt >= since));
        });
        return new(met, null);
    }
}
