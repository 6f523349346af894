using System.Diagnostics.Metrics;
using SmartPark.Platform.Resilience;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// One sink with what the shared machinery keeps for it: its outbox (opened on first use, which
/// happens only when the sink is enabled), the pulse that wakes its delivery loop, its back-off,
/// rate limit, metrics and latest status.
/// </summary>
public sealed class SinkChannel : IAsyncDisposable
{
    private readonly Lazy<SinkOutbox> _outbox;

    public SinkChannel(string name, string healthCheckName, IAlertSink sink, IMeterFactory meters)
    {
        Name = name;
        HealthCheckName = healthCheckName;
        Sink = sink;
        var options = sink.Options;
        _outbox = new Lazy<SinkOutbox>(() => SinkOutbox.Open(options.OutboxDirectory, name));
        Metrics = new SinkMetrics(meters, name);
        Backoff = new ExponentialBackoff(options.InitialBackoff, options.MaxBackoff, options.Jitter);
        RateLimit = new SinkRateLimit(options.RateLimit, options.RateWindow);
    }

    /// <summary>Short name: metrics <c>smartpark.ingest.&lt;name&gt;.*</c> and outbox <c>&lt;name&gt;-outbox.db</c>.</summary>
    public string Name { get; }
    public string HealthCheckName { get; }
    public IAlertSink Sink { get; }
    public string Title => Sink.Options.Title;
    public bool Enabled => Sink.Options.Enabled;
    public SinkOutbox Outbox => _outbox.Value;
    public OutboxSignal Signal { get; } = new();
    public SinkMetrics Metrics { get; }
    public ExponentialBackoff Backoff { get; }
    public SinkRateLimit RateLimit { get; }

    /// <summary>Health, as of the latest attempt.</summary>
    public SinkStatus Status { get; set; } = SinkStatus.Idle;

    public async ValueTask DisposeAsync()
    {
        if (_outbox.IsValueCreated)
            await _outbox.Value.DisposeAsync().ConfigureAwait(false);
    }
}
