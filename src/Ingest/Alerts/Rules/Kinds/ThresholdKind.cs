using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>Any single reading above <see cref="Limit"/>.</summary>
public sealed class ThresholdKind : SeriesKind, ILimitedKind
{
    private static readonly RuleKindTitles KindTitles = new("瞬时超限", "threshold");

    public override string Name => "threshold";

    public override RuleKindTitles Titles => KindTitles;

    [Description("A reading above this raises the alert.")]
    public double? Limit { get; set; }

    [Description("The alert clears only at or below this (default: the limit).")]
    public double? ClearAt { get; set; }

    public override double? AlertLimit => Limit;

    public override IEnumerable<string> Missing()
    {
        if (Limit is null)
            yield return nameof(Limit);
    }

    public override Verdict OnReading(in SeriesReading reading, RuleState? state) => ILimitedKind.Compare(this, reading.Value);
}
