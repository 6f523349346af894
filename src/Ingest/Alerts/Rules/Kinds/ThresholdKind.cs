using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>Any single reading above <see cref="Limit"/>, or below <see cref="Below"/> (a range such as pH 6–9 is both).</summary>
public sealed class ThresholdKind : SeriesKind, ILimitedKind
{
    private static readonly RuleKindTitles KindTitles = new("瞬时超限", "threshold");

    public override string Name => "threshold";

    public override RuleKindTitles Titles => KindTitles;

    [Description("A reading above this raises the alert.")]
    public double? Limit { get; set; }

    [Description("The alert clears only at or below this (default: the limit).")]
    public double? ClearAt { get; set; }

    [Description("A reading below this raises the alert too (a lower bound, e.g. pH 6); it clears at or above it.")]
    public double? Below { get; set; }

    [Description("After a reading below Below, the alert clears only at or above this (default: Below): a deadband for a lower bound.")]
    public double? ClearAbove { get; set; }

    public override double? AlertLimit => Limit;

    public override IEnumerable<string> Missing()
    {
        if (Limit is null && Below is null)
            yield return nameof(Limit);
    }

    public override IEnumerable<string> Invalid()
    {
        if (Below >= Limit)
            yield return "Below must be lower than Limit";
        if (ClearAbove < Below)
            yield return "ClearAbove must be at or above Below";
        if (ClearAbove is not null && Below is null)
            yield return "ClearAbove goes with Below";
    }

    public override Verdict OnReading(in SeriesReading reading, RuleState? state)
    {
        if (reading.Value < Below)
            return new(true, reading.Value);
        // Between Below and ClearAbove the lower-bound alert keeps its state (a pressure hovering at its floor does not flap).
        if (reading.Value < ClearAbove)
            return new(null, reading.Value);
        // Only a lower bound: at or above it is within the range.
        return Limit is null ? new(false, reading.Value) : ILimitedKind.Compare(this, reading.Value);
    }
}
