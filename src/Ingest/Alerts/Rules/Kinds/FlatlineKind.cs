using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A normally noisy sensor unchanged for <see cref="FlatFor"/>: stuck.</summary>
public sealed class FlatlineKind : SeriesKind<FlatlineState>
{
    private static readonly RuleKindTitles KindTitles = new("传感器卡死", "flatline");

    public override string Name => "flatline";

    public override RuleKindTitles Titles => KindTitles;

    [Description("No change for this long raises the alert.")]
    public TimeSpan? FlatFor { get; set; }

    [Description("Changes this small or smaller do not count as change.")]
    public double Tolerance { get; set; }

    public override IEnumerable<string> Missing()
    {
        if (FlatFor is null)
            yield return nameof(FlatFor);
    }

    protected override Verdict OnReading(in SeriesReading reading, FlatlineState state)
    {
        if (state.LastValue is not { } last || Math.Abs(reading.Value - last) > Tolerance)
            state.ChangedAtTs = reading.Ts;
        state.LastValue = reading.Value;
        return new(reading.Ts - state.ChangedAtTs >= (long)FlatFor!.Value.TotalMilliseconds, reading.Value);
    }
}

/// <summary>The last value, and when (Unix ms) the value last changed.</summary>
public sealed class FlatlineState : RuleState
{
    public double? LastValue { get; set; }
    public long ChangedAtTs { get; set; }
}
