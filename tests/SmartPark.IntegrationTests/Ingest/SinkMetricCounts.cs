using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>Sums one sink's counters (<c>smartpark.ingest.&lt;sink&gt;.*</c>, the bureau's by default)
/// of one host (its meter factory), not of others running alongside.</summary>
public sealed class SinkMetricCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);
    private long _depth = -1;

    public SinkMetricCounts(IMeterFactory scope, string sink = "bureau")
    {
        var prefix = $"smartpark.ingest.{sink}.";
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name.StartsWith(prefix, StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == prefix + "outbox.depth")
            {
                Interlocked.Exchange(ref _depth, value);
                return;
            }
            _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
                _sums.AddOrUpdate($"{instrument.Name}[{tag.Value}]", value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>e.g. "smartpark.ingest.bureau.failures" or "smartpark.ingest.bureau.failures[HTTP 400]".</summary>
    public long this[string name] => _sums.GetValueOrDefault(name);

    /// <summary>Reads observable gauges (the outbox depth) now.</summary>
    public long Depth()
    {
        Interlocked.Exchange(ref _depth, -1);
        _listener.RecordObservableInstruments();
        return Interlocked.Read(ref _depth);
    }

    public void Dispose() => _listener.Dispose();
}
