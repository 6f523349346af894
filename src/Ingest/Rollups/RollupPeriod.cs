namespace SmartPark.Ingest.Rollups;

/// <summary>A rollup resolution: its length and the suffix of the measurement it is written to
/// (<c>nmhc</c> → <c>nmhc_1m</c>, <c>nmhc_1h</c>).</summary>
public sealed record RollupPeriod(string Suffix, TimeSpan Length)
{
    public static readonly RollupPeriod Minute = new("1m", TimeSpan.FromMinutes(1));
    public static readonly RollupPeriod Hour = new("1h", TimeSpan.FromHours(1));

    public static IReadOnlyList<RollupPeriod> All { get; } = [Minute, Hour];

    /// <summary>The start of the window holding <paramref name="timestampMs"/>: windows sit on
    /// wall-clock (UTC epoch) boundaries, so every replica and every replay agrees on them.</summary>
    public long WindowStart(long timestampMs)
    {
        var length = (long)Length.TotalMilliseconds;
        return timestampMs - (((timestampMs % length) + length) % length);
    }

    public string Measurement(string raw) => $"{raw}_{Suffix}";

    /// <summary>InfluxQL's duration literal for GROUP BY time().</summary>
    public string InfluxDuration => Suffix;
}
