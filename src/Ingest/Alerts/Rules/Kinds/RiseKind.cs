using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// A reading at least <see cref="Rise"/> above the lowest reading of the last <see cref="Window"/>:
/// a sudden rise, however it is shaped. Unlike <see cref="RateKind"/>, which averages the slope from
/// the window's oldest to its newest reading and waits for half a window of data, this catches a
/// step (a VOC leak reaching the analyser) or a rise that starts mid-window at the reading that
/// completes it, e.g. the 10 °C within a minute at which EN 54-5 / GB 4716 tests class A1R
/// rate-of-rise heat detectors.
/// </summary>
public sealed class RiseKind : SeriesKind<RiseState>
{
    private static readonly RuleKindTitles KindTitles = new("短时骤升", "sudden rise");

    public override string Name => "rise";

    public override RuleKindTitles Titles => KindTitles;

    [Description("A rise of this much or more above the window's lowest reading raises the alert (in the quantity's unit).")]
    public double? Rise { get; set; }

    [Description("How far back the lowest reading is looked for.")]
    public TimeSpan? Window { get; set; }

    public override double? AlertLimit => Rise;

    public override IEnumerable<string> Missing()
    {
        if (Rise is null)
            yield return nameof(Rise);
        if (Window is null)
            yield return nameof(Window);
    }

    public override IEnumerable<string> Invalid()
    {
        if (Rise <= 0)
            yield return "Rise must be above zero";
        if (Window <= TimeSpan.Zero)
            yield return "Window must be longer than zero";
    }

    protected override Verdict OnReading(in SeriesReading reading, RiseState state)
    {
        // Lows is a monotonic queue: ascending in time and in value, so its head is the window's
        // minimum. Each reading enters and leaves it once: constant work per reading on average.
        var lows = state.Lows;
        var keepFrom = reading.Ts - (long)Window!.Value.TotalMilliseconds;
        var stale = 0;
        while (stale < lows.Count && lows[stale].Ts < keepFrom)
            stale++;
        if (stale > 0)
            lows.RemoveRange(0, stale);
        var verdict = lows.Count == 0
            ? Verdict.None // nothing earlier within the window to rise from
            : Judge(Math.Round(reading.Value - lows[0].Value, 6));
        var keep = lows.Count;
        while (keep > 0 && lows[keep - 1].Value >= reading.Value)
            keep--;
        if (keep < lows.Count)
            lows.RemoveRange(keep, lows.Count - keep);
        lows.Add(new SamplePoint(reading.Ts, reading.Value));
        return verdict;
    }

    private Verdict Judge(double rise) => new(rise >= Rise, rise);
}

/// <summary>The readings that can still be the window's lowest: ascending in time and in value.</summary>
public sealed class RiseState : RuleState
{
    public List<SamplePoint> Lows { get; set; } = [];
}
