using System.Diagnostics.Metrics;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// One sink's instruments, on Ingest's meter so /metrics exports them, named
/// <c>smartpark.ingest.&lt;sink&gt;.*</c> (the bureau's are <c>smartpark.ingest.bureau.enqueued</c>,
/// <c>.attempts</c>, <c>.failures</c> by reason, <c>.delivered</c> and <c>.outbox.depth</c>).
/// </summary>
public sealed class SinkMetrics
{
    private readonly Meter _meter;
    private readonly string _prefix;

    public SinkMetrics(IMeterFactory meters, string sink)
    {
        _meter = meters.Create(IngestMetrics.MeterName);
        _prefix = $"smartpark.ingest.{sink}.";
        Enqueued = _meter.CreateCounter<long>(_prefix + "enqueued", description: $"Messages for {sink} stored in the outbox (transitions and reminders)");
        Attempts = _meter.CreateCounter<long>(_prefix + "attempts", description: $"Sends to {sink}");
        Failures = _meter.CreateCounter<long>(_prefix + "failures", description: $"Sends to {sink} that failed, by reason (status code or error), and will be retried");
        Delivered = _meter.CreateCounter<long>(_prefix + "delivered", description: $"Messages {sink} accepted");
        RateLimited = _meter.CreateCounter<long>(_prefix + "rate_limited", description: $"Times sending to {sink} paused because its rate limit was reached");
    }

    public Counter<long> Enqueued { get; }
    public Counter<long> Attempts { get; }
    public Counter<long> Failures { get; }
    public Counter<long> Delivered { get; }
    public Counter<long> RateLimited { get; }

    public void ObserveDepth(Func<long> depth) =>
        _meter.CreateObservableGauge(_prefix + "outbox.depth", depth, description: "Messages waiting in the outbox");
}
