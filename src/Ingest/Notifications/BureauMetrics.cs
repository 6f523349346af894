using System.Diagnostics.Metrics;

namespace SmartPark.Ingest.Notifications;

/// <summary>The webhook's instruments, on Ingest's meter so /metrics exports them.</summary>
public sealed class BureauMetrics
{
    private readonly Meter _meter;

    public BureauMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(IngestMetrics.MeterName);
        Enqueued = _meter.CreateCounter<long>("smartpark.ingest.bureau.enqueued", description: "Bureau notifications stored in the outbox (transitions and reminders)");
        Attempts = _meter.CreateCounter<long>("smartpark.ingest.bureau.attempts", description: "POSTs to the bureau webhook");
        Failures = _meter.CreateCounter<long>("smartpark.ingest.bureau.failures", description: "POSTs that did not get a 2xx, by reason (status code or error), and will be retried");
        Delivered = _meter.CreateCounter<long>("smartpark.ingest.bureau.delivered", description: "Notifications the bureau answered with 2xx");
    }

    public Counter<long> Enqueued { get; }
    public Counter<long> Attempts { get; }
    public Counter<long> Failures { get; }
    public Counter<long> Delivered { get; }

    public void ObserveDepth(Func<long> depth) =>
        _meter.CreateObservableGauge("smartpark.ingest.bureau.outbox.depth", depth, description: "Bureau notifications waiting in the outbox");
}
