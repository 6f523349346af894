using System.Collections.Concurrent;
using SmartPark.Bench.Measure;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// Every client's receipt of every measured batch: the delay from MQTT publish (the batch's
/// readings are dated with their publish time, same machine and clock) to the SignalR message,
/// and how many clients got each batch (keyed by device and batch number, which the Dashboard's
/// <c>readings</c> message carries). Batches of other devices (the warm-up's) are only counted.
/// </summary>
internal sealed class DeliveryLedger(string measuredDevicePrefix)
{
    private readonly ConcurrentDictionary<(string Device, long Seq), Counter> _batches = new();
    private long _receipts;
    private long _unmeasured;

    public LatencyHistogram Delays { get; } = new();

    /// <summary>Delays of batches published from <see cref="SteadyFrom"/> on: the state the run settles
    /// in, without the first seconds' catch-up (connections and code paths warming up under full load).</summary>
    public LatencyHistogram SteadyDelays { get; } = new();

    public DateTimeOffset SteadyFrom { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>Receipts of measured batches, summed over all clients.</summary>
    public long Receipts => Interlocked.Read(ref _receipts);

    /// <summary>Receipts of warm-up batches.</summary>
    public long Unmeasured => Interlocked.Read(ref _unmeasured);

    /// <summary>Distinct measured batches at least one client received.</summary>
    public long BatchesSeen => _batches.Count;

    public void OnReceived(string device, long seq, DateTimeOffset publishedAt)
    {
        var now = DateTimeOffset.UtcNow;
        if (!device.StartsWith(measuredDevicePrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unmeasured);
            return;
        }
        Delays.Record(now - publishedAt);
        if (publishedAt >= SteadyFrom)
            SteadyDelays.Record(now - publishedAt);
        Interlocked.Increment(ref _batches.GetOrAdd((device, seq), _ => new Counter()).Receipts);
        Interlocked.Increment(ref _receipts);
    }

    /// <summary>Batches that reached every one of <paramref name="clients"/>.</summary>
    public long BatchesToAll(int clients) => _batches.Values.Count(b => Volatile.Read(ref b.Receipts) >= clients);

    private sealed class Counter
    {
        public int Receipts;
    }
}
