namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Runs one <see cref="SinkDeliveryLoop"/> per enabled sink, and says once at start which sinks
/// are off and why. One hosted service for all sinks, so registering a sink never needs a hosted
/// service of its own.
/// </summary>
public sealed class SinkDeliveryService(AlertSinks sinks, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<SinkDeliveryService>();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in sinks.All.Where(c => !c.Enabled))
            _logger.LogWarning("{Sink} disabled: {Reason}", channel.Title, channel.Sink.DisabledReason);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sinks.Enabled.Select(channel =>
            new SinkDeliveryLoop(channel, time, loggers.CreateLogger($"{typeof(SinkDeliveryLoop).FullName}.{channel.Name}")).RunAsync(stoppingToken)));
}
