namespace SmartPark.Bench.Measure;

/// <summary>
/// Delays recorded from many threads without a lock: buckets 1 % wide on a log scale from 10 µs
/// to about 80 s, so hundreds of thousands of receipts a second cost one interlocked add each
/// and percentiles stay within 1 %.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private const double SmallestMicroseconds = 10;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[1_600];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan delay)
    {
        var us = Math.Max(delay.TotalMicroseconds, SmallestMicroseconds);
        var bucket = Math.Min((int)(Math.Log(us / SmallestMicroseconds) / LogGrowth), _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The delay at quantile <paramref name="q"/> (0.5, 0.99, 1) in milliseconds, NaN when empty.</summary>
    public double PercentileMs(double q)
    {
        var total = Count;
        if (total == 0)
            return double.NaN;
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
                return SmallestMicroseconds * Math.Pow(Growth, i + 1) / 1000; // the bucket's upper edge
        }
        return double.PositiveInfinity;
    }
}
