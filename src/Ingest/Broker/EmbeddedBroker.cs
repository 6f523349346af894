using System.Diagnostics;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using SmartPark.Ingest.Broker.Transport;
using SmartPark.Ingest.Consumer;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// The MQTTnet broker Ingest hosts on loopback by default, so a small park needs no separate
/// broker. It keeps persistent sessions (QoS 1 messages wait for a consumer that is away).
/// It cannot do MQTT 5 shared subscriptions; a park that runs several Ingest replicas uses
/// Mosquitto or EMQX instead (<c>EmbeddedBroker:Enabled=false</c>).
/// With a registry configured every client must log in, and publishes and subscriptions are
/// checked against its rights (<see cref="BrokerAccessControl"/>); without one it is anonymous.
/// Its sessions live in memory, so it never acknowledges telemetry it has only queued: each
/// telemetry publish is handed to Ingest's pipeline in-process (<see cref="TelemetryIntake"/>) and
/// its PUBACK goes out once the readings are durable, or carries an error (the device keeps the
/// batch and sends it again). When the host starts stopping, the broker refuses new telemetry and
/// waits until what it handed over is settled, before Ingest's consumer and writer stop.
/// What it queues for other subscribers (Dashboard, Uplink) is a best-effort copy: past
/// <c>MaxPendingMessagesPerClient</c> the oldest is dropped, and a SIGKILL loses it.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<EmbeddedBrokerOptions> options,
    IOptions<IngestOptions> ingest,
    RegistryProvider registry,
    BrokerAccessControl accessControl,
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
            return;
        // Listeners (plaintext, TLS) and the limits before login are GuardedBrokerTransport's, not MQTTnet's.
        var serverOptions = new MqttServerOptionsBuilder()
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(o.MaxPendingMessagesPerClient)
            // Said explicitly: only other subscribers' copies queue here, and for a live view the newest matter.
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [ActivatorUtilities.CreateInstance<GuardedBrokerTransport>(services)]);
        _server.ClientConnectedAsync += e =>
        {
            logger.LogDebug("Broker: {ClientId} connected from {Endpoint}", e.ClientId, e.RemoteEndPoint);
            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            logger.LogDebug("Broker: {ClientId} disconnected ({Type})", e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
        if (registry.IsConfigured)
            accessControl.Attach(_server);
        // After the access checks: a publish refused for lack of rights never reaches the pipeline.
        Intake.Attach(_server);
        // ApplicationStopping runs before any hosted service stops, so the consumer is still taking messages.
        lifetime.ApplicationStopping.Register(DrainBeforeStopping);
        await _server.StartAsync();
        logger.LogInformation("Embedded MQTT broker started ({Access}); its listeners are logged above",
            registry.IsConfigured ? "registry accounts only" : "anonymous");
    }

    // Resolved when used, not injected: it brings the whole pipeline (writer, alert engine) with it.
    private TelemetryIntake Intake => services.GetRequiredService<TelemetryIntake>();

    private void DrainBeforeStopping()
    {
        if (_server is not { IsStarted: true } server)
            return;
        Intake.StopTaking();
        var consumer = ingest.Value.Broker.ClientId;
        // Resolved here, not injected: the consumer is registered after the broker.
        var telemetry = services.GetService<TelemetryConsumer>();
        var started = Stopwatch.GetTimestamp();
        long pending = 0;
        while (Stopwatch.GetElapsedTime(started) < options.Value.StopDrainTimeout)
        {
            // Queued at the broker (none, unless something subscribed as Ingest), plus handed over but not yet settled.
            pending = server.GetSessionsAsync().GetAwaiter().GetResult()
                .Where(s => s.Id == consumer).Sum(s => s.PendingApplicationMessagesCount)
                + (telemetry?.Unacknowledged ?? 0);
            if (pending == 0)
                break;
            Thread.Sleep(20); // a bounded poll: MQTTnet raises no event when a session's queue empties
        }
        if (pending > 0)
            logger.LogWarning("Broker stopping with {Pending} messages still queued for or unacknowledged by {Consumer}: those the consumer does not store while stopping die with the broker's in-memory session", pending, consumer);
        else
            logger.LogInformation("Broker refusing telemetry while Ingest stops; nothing left queued for {Consumer}", consumer);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync();
            logger.LogInformation("Embedded MQTT broker stopped");
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }
}
