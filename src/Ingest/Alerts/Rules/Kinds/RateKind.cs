using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A rise faster than <see cref="RatePerMinute"/>, measured from the oldest to the newest
/// reading within <see cref="Window"/> (a heat detector's rate of rise).</summary>
public sealed class RateKind : SeriesKind<RateState>
{
    private static readonly RuleKindTitles KindTitles = new("上升速率", "rate of rise");

    public override string Name => "rate";

    public override RuleKindTitles Titles => KindTitles;

    [Description("A rise at this many units per minute or faster raises the alert.")]
    public double? RatePerMinute { get; set; }

    [Description("The period the rate is measured over (judged once it spans half of it).")]
    public TimeSpan? Window { get; set; }

    public override double? AlertLimit => RatePerMinute;

    public override string? AlertUnit(string? quantityUnit) => quantityUnit + "/min";

    public override IEnumerable<string> Missing()
    {
        if (RatePerMinute is null)
            yield return nameof(RatePerMinute);
        if (Window is null)
            yield return nameof(Window);
    }

    public override IEnumerable<string> Invalid()
    {
        if (Window <= TimeSpan.Zero)
            yield return "Window must be longer than zero";
    }

    protected override Verdict OnReading(in SeriesReading reading, RateState state)
    {
        var recent = state.Recent;
        recent.Add(new SamplePoint(reading.Ts, reading.Value));
        var keepFrom = reading.Ts - (long)Window!.Value.TotalMilliseconds;
        var stale = 0;
        for (var i = 0; i < recent.Count; i++)
        {
            if (recent[i].Ts < keepFrom)
                stale++;
        }
        if (stale > 0)
            recent.RemoveAll(p => p.Ts < keepFrom);
        if (recent.Count < 2)
            return Verdict.None;
        SamplePoint first = recent[0], last = recent[0];
        foreach (var p in recent)
        {
            if (p.Ts < first.Ts)
                first = p;
            if (p.Ts > last.Ts)
                last = p;
        }
        var minutes = (last.Ts - first.Ts) / 60_000.0;
        // Judge only over at least half the window, so two noisy points seconds apart cannot raise it.
        if (minutes < Window.Value.TotalMinutes / 2)
            return Verdict.None;
        var rate = Math.Round((last.Value - first.Value) / minutes, 3);
        return new(rate >= RatePerMinute, rate);
    }
}

/// <summary>The raw readings within the window.</summary>
public sealed class RateState : RuleState
{
    public List<SamplePoint> Recent { get; set; } = [];
}

/// <summary>One reading: Unix ms and value.</summary>
public readonly record struct SamplePoint(long Ts, double Value);
