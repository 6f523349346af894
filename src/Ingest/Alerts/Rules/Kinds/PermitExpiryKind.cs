using System.ComponentModel;
using SmartPark.Ingest.Alerts.Engine;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// An enterprise's discharge permit (排污许可证) expires within <see cref="Lead"/>, or has expired:
/// judged on the clock for every enterprise the registry gives a permit expiry, whether or not it
/// sends data. The alert shows the days left (negative once expired) and clears when the registry
/// records the renewed permit.
/// </summary>
public sealed class PermitExpiryKind : EnterpriseKind
{
    private static readonly RuleKindTitles KindTitles = new("排污许可证到期", "discharge permit expiry");

    /// <summary>Permits run to the end of their last day in China (UTC+8), whatever the server's zone.</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public override string Name => "permit";

    public override RuleKindTitles Titles => KindTitles;

    [Description("How long before the permit's expiry the alert is raised.")]
    public TimeSpan? Lead { get; set; }

    public override string? AlertUnit(string? quantityUnit) => "d";

    public override IEnumerable<string> Missing()
    {
        if (Lead is null)
            yield return nameof(Lead);
    }

    public override IEnumerable<string> Invalid()
    {
        if (Lead < TimeSpan.Zero)
            yield return nameof(Lead);
    }

    /// <summary>Not judged from other rules' conditions: the evaluator's permit pass judges it with the registry's expiry (<see cref="JudgeExpiry"/>).</summary>
    public override Verdict Judge(EngineState state, string park, string enterprise, DateTimeOffset now) => Verdict.None;

    /// <summary>Met when the days left until <paramref name="expiry"/> (inclusive) are within the lead; the value is those days.</summary>
    public Verdict JudgeExpiry(DateOnly expiry, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime);
        var daysLeft = expiry.DayNumber - today.DayNumber;
        return new(daysLeft <= Lead!.Value.TotalDays, daysLeft);
    }
}
