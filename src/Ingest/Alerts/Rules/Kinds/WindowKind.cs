using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>The mean over <see cref="Window"/> above <see cref="Limit"/>; judged on the clock
/// too, so the mean falls when old readings leave the window even if no new ones arrive.</summary>
public sealed class WindowKind : SeriesKind<WindowState>, ILimitedKind
{
    private static readonly RuleKindTitles KindTitles = new("时段均值超限", "rolling average");

    public override string Name => "window";

    public override RuleKindTitles Titles => KindTitles;

    [Description("A mean above this raises the alert.")]
    public double? Limit { get; set; }

    [Description("The alert clears only at or below this (default: the limit).")]
    public double? ClearAt { get; set; }

    [Description("The period averaged over.")]
    public TimeSpan? Window { get; set; }

    [Description("Readings the window needs before its mean counts.")]
    public int MinCount { get; set; } = 1;

    public override double? AlertLimit => Limit;

    public override TimeSpan? Averaging => Window;

    public override bool JudgesOnTick => true;

    private long WindowMs => (long)Window!.Value.TotalMilliseconds;

    /// <summary>Sums are kept per bucket of a sixtieth of the window (at least a second), not per reading.</summary>
    private long BucketWidth => Math.Max(1_000, WindowMs / 60);

    public override IEnumerable<string> Missing()
    {
        if (Limit is null)
            yield return nameof(Limit);
        if (Window is null)
            yield return nameof(Window);
    }

    public override IEnumerable<string> Invalid()
    {
        if (Window <= TimeSpan.Zero)
            yield return "Window must be longer than zero";
    }

    protected override Verdict OnReading(in SeriesReading reading, WindowState state)
    {
        var ts = reading.Ts;
        var width = BucketWidth;
        var start = ts - (((ts % width) + width) % width);
        WindowBucket? bucket = null;
        foreach (var b in state.Buckets)
        {
            if (b.StartTs == start)
            {
                bucket = b;
                break;
            }
        }
        if (bucket is null)
            state.Buckets.Add(bucket = new WindowBucket { StartTs = start });
        bucket.Sum += reading.Value;
        bucket.Count++;
        var keepFrom = ts - WindowMs - width;
        foreach (var b in state.Buckets)
        {
            if (b.StartTs < keepFrom)
            {
                state.Buckets.RemoveAll(old => old.StartTs < keepFrom);
                break;
            }
        }
        state.LastTs = Math.Max(state.LastTs, ts);
        return Mean(state, state.LastTs);
    }

    protected override Verdict OnTick(WindowState state, long nowMs) =>
        state.Buckets.Count == 0 ? Verdict.None : Mean(state, nowMs);

    private Verdict Mean(WindowState state, long endMs)
    {
        var from = endMs - WindowMs;
        double sum = 0;
        long count = 0;
        foreach (var bucket in state.Buckets)
        {
            if (bucket.StartTs >= from && bucket.StartTs <= endMs)
            {
                sum += bucket.Sum;
                count += bucket.Count;
            }
        }
        if (count < MinCount)
            return new(false, null); // too little data in the window to judge: no exceedance (absence rules cover silence)
        return ILimitedKind.Compare(this, Math.Round(sum / count, 6));
    }
}

/// <summary>Sum and count per bucket, and the newest reading's time.</summary>
public sealed class WindowState : RuleState
{
    public List<WindowBucket> Buckets { get; set; } = [];
    public long LastTs { get; set; }
}

public sealed class WindowBucket
{
    public long StartTs { get; set; }
    public double Sum { get; set; }
    public long Count { get; set; }
}
