using System.Collections.Concurrent;
using System.Diagnostics;
using SmartPark.Bench.Measure;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// When each telemetry batch was published (keyed by device and batch number, which the
/// Dashboard's <c>readings</c> message carries back), and every client's receipt of it: the
/// delay from MQTT publish to SignalR receipt, and how many receipts each batch got.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly ConcurrentDictionary<(string Device, long Seq), Batch> _published = new();
    private long _receipts;
    private long _unknown;

    public LatencyHistogram Delays { get; } = new();

    /// <summary>Batches published so far.</summary>
    public long Published => _published.Count;

    /// <summary>Receipts of published batches, summed over all clients.</summary>
    public long Receipts => Interlocked.Read(ref _receipts);

    /// <summary>Receipts of batches this run did not publish (should stay 0).</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public void OnPublishing(string device, long seq) => _published[(device, seq)] = new Batch(Stopwatch.GetTimestamp());

    public void OnReceived(string device, long seq)
    {
        var at = Stopwatch.GetTimestamp();
        if (!_published.TryGetValue((device, seq), out var batch))
        {
            Interlocked.Increment(ref _unknown);
            return;
        }
        Delays.Record(Stopwatch.GetElapsedTime(batch.PublishedAt, at));
        Interlocked.Increment(ref batch.Receipts);
        Interlocked.Increment(ref _receipts);
    }

    /// <summary>Batches that reached every one of <paramref name="clients"/>, and those that reached none.</summary>
    public (long ToAll, long ToNone) Coverage(int clients) =>
        (_published.Values.Count(b => Volatile.Read(ref b.Receipts) >= clients), _published.Values.Count(b => Volatile.Read(ref b.Receipts) == 0));

    private sealed class Batch(long publishedAt)
    {
        public readonly long PublishedAt = publishedAt;
        public int Receipts;
    }
}
