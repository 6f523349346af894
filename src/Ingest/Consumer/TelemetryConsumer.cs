using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Broker;
using SmartPark.Ingest.Emissions;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Consumer;

/// <summary>
/// Validates telemetry, dead-letters what is bad (with every reason) and hands the rest to
/// <see cref="InfluxBatchWriter"/>, whichever way it came (<see cref="HandleAsync"/>): from an
/// external broker over this MQTT connection, or handed over in-process by the embedded broker
/// (<see cref="TelemetryIntake"/>), which then holds the device's PUBACK until the message is
/// settled. A message is settled (acknowledged) only once its points are in InfluxDB or the spool,
/// or once its dead letter is out, so the broker, or the device, keeps anything Ingest has not
/// finished with. Against an external broker the session is persistent, and the subscription is
/// made again after every connect (a broker that lost the session would otherwise leave Ingest
/// connected but deaf). With the embedded broker this connection carries only dead letters: it
/// does not subscribe to telemetry, which reaches Ingest without the loopback detour.
/// </summary>
public sealed class TelemetryConsumer(
    IOptions<IngestOptions> options,
    IOptions<EmbeddedBrokerOptions> embeddedBroker,
    InfluxBatchWriter writer,
    AlertEngine alerts,
    IngestMetrics metrics,
    RegistryProvider registry,
    UnregisteredReadings unregistered,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<TelemetryConsumer>();
    private readonly IngestOptions _options = options.Value;
    // One warning a minute per topic and reason: a device repeating a bad payload every second
    // must not drown the log (metrics and dead letters still count each one).
    private readonly LogThrottle _rejectionLog = new(time, TimeSpan.FromMinutes(1));
    private readonly bool _inProcess = embeddedBroker.Value.Enabled;
    private ResilientMqttClient? _mqtt;
    private volatile bool _connectedOnce;

    public ResilientMqttClient? Connection => _mqtt;

    /// <summary>Messages taken from the broker and not yet acknowledged (stored or dead-lettered).</summary>
    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);

    private long _unacknowledged;

    /// <summary>
    /// Ready for telemetry handed over in-process: every service it feeds has started (this one
    /// starts last), the writer runs and its spool replay has begun, the registry (when one is
    /// configured) is loaded, and the connection that carries dead letters has been up.
    /// </summary>
    public bool IsReady => _connectedOnce && writer.IsRunning && (!registry.IsConfigured || registry.Current is not null);

    private TelemetryValidationOptions Validation => _validation ??= new()
    {
        MaxClockSkew = _options.MaxClockSkew,
        MaxAge = _options.MaxReadingAge,
    };

    private TelemetryValidationOptions? _validation;

    private long _lastMessageTicks = Environment.TickCount64;
    private MqttClientConnectResult? _lastConnect;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = _options.Broker with { ReceiveMaximum = _options.ReceiveMaximum };
        await using var mqtt = new ResilientMqttClient(broker, loggers.CreateLogger<ResilientMqttClient>());
        _mqtt = mqtt;
        mqtt.OnConnectedAsync = _inProcess ? ConnectedForDeadLettersAsync : SubscribeAsync;
        mqtt.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var watchdog = _inProcess ? Task.CompletedTask : WatchForSilenceAsync(mqtt, stoppingToken);
        await mqtt.RunAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Stop order matters: the writer flushes and acknowledges while this connection is still up.
        await writer.StopAsync(CancellationToken.None);
        await mqtt.DisconnectAsync();
    }

    /// <summary>
    /// "Connected but deaf" (a broker that lost our subscription, a half-dead session) shows as
    /// silence. After <c>SilenceTimeout</c> without telemetry, subscribe again (harmless if the
    /// subscription was fine); after a second such period, drop the connection and start afresh.
    /// </summary>
    private async Task WatchForSilenceAsync(ResilientMqttClient mqtt, CancellationToken stoppingToken)
    {
        var period = _options.SilenceTimeout;
        using var timer = new PeriodicTimer(period / 4, time);
        var resubscribed = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var silent = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastMessageTicks));
            if (!mqtt.IsUp || silent < period)
            {
                resubscribed = false;
                continue;
            }
            if (!resubscribed && _lastConnect is { } connect)
            {
                _logger.LogWarning("No telemetry for {Silent}; subscribing again in case the broker lost the subscription", silent);
                await SubscribeAsync(connect, stoppingToken);
                resubscribed = true;
                Interlocked.Exchange(ref _lastMessageTicks, Environment.TickCount64);
            }
            else
            {
                _logger.LogWarning("Still no telemetry after subscribing again; reconnecting");
                await mqtt.ReconnectAsync();
                resubscribed = false;
                Interlocked.Exchange(ref _lastMessageTicks, Environment.TickCount64);
            }
        }
    }

    private Task ConnectedForDeadLettersAsync(MqttClientConnectResult connected, CancellationToken cancellationToken)
    {
        if (!_connectedOnce)
            _logger.LogInformation("Connected to the embedded broker for dead letters; telemetry comes in-process");
        _connectedOnce = true;
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync(MqttClientConnectResult connected, CancellationToken cancellationToken)
    {
        _connectedOnce = true;
        _lastConnect = connected;
        if (!connected.IsSessionPresent && _mqtt!.Connects > 0)
            _logger.LogWarning("The broker no longer had Ingest's session: messages sent while Ingest was away longer than the session expiry are gone; subscribing again");
        var filter = connected.SharedSubscriptionAvailable && !string.IsNullOrEmpty(_options.ShareGroup)
            ? SmartParkTopics.SharedTelemetry(_options.ShareGroup)
            : SmartParkTopics.AllTelemetry;
        var result = await _mqtt!.Client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        var granted = result.Items.Single();
        if (granted.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            throw new InvalidOperationException($"broker refused subscription {filter}: {granted.ResultCode}");
        _logger.LogInformation("Subscribed to {Filter} (session present: {SessionPresent})", filter, connected.IsSessionPresent);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        Interlocked.Exchange(ref _lastMessageTicks, Environment.TickCount64);
        var epoch = _mqtt!.Epoch;
        return HandleAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), ct => AcknowledgeAsync(e, epoch, ct), publisherWaits: false);
    }

    /// <summary>
    /// The one path every telemetry message takes, whichever way it came: validate, dead-letter
    /// what is bad, feed the alert engine, hand the points to the writer. <paramref name="settleAsync"/>
    /// is called once the message is finished with (stored durably, or dead-lettered). Answers
    /// <see cref="WriteAdmission.Queued"/> when it has been or will be called; otherwise the message
    /// was left alone (the writer is stopping, or, with <paramref name="publisherWaits"/>, cannot
    /// take more now) and its sender must send it again.
    /// </summary>
    public async Task<WriteAdmission> HandleAsync(string topic, byte[] payload, Func<CancellationToken, Task> settleAsync, bool publisherWaits)
    {
        Interlocked.Increment(ref _unacknowledged);
        var settled = 0;
        Task SettleAsync(CancellationToken ct)
        {
            if (Interlocked.Exchange(ref settled, 1) == 0)
                Interlocked.Decrement(ref _unacknowledged);
            return settleAsync(ct);
        }
        var now = time.GetUtcNow();
        try
        {
            if (!SmartParkTopics.TryParse(topic, out var parsed) || parsed.Kind != TopicKind.Telemetry || parsed.Device is not { } device)
            {
                await RejectAsync(SettleAsync, topic, payload, [new(RejectionCodes.InvalidTopic, $"'{topic}' is not a device telemetry topic")], now);
                return WriteAdmission.Queued;
            }

            // An external broker without an ACL lets anyone publish anywhere: the registry is
            // the last line that keeps unknown devices and wrong paths out of the database.
            if (registry.Current is { } known && !known.Knows(device))
            {
                await RejectAsync(SettleAsync, topic, payload, [UnknownDevice(known, device)], now);
                return WriteAdmission.Queued;
            }

            var result = TelemetryValidator.Validate(payload, device, now, Validation);
            result = await unregistered.KeepRegisteredAsync(topic, device, result, now, letter => _mqtt!.Client.PublishAsync(letter));
            if (!result.IsValid)
            {
                await RejectAsync(SettleAsync, topic, payload, result.Errors, now);
                return WriteAdmission.Queued;
            }

            // A publisher that waits can be told to come back: say so before the alert engine has
            // seen the readings, so a refused batch is not observed twice (once more on its retry).
            if (publisherWaits && writer.Admission is var admission && admission != WriteAdmission.Queued)
            {
                Unsettled();
                return admission;
            }

            metrics.BatchesAccepted.Add(1);
            // Converted concentrations and emission rates join the batch here, so they are judged,
            // stored and rolled up exactly as measured readings are.
            var batch = DerivedReadings.Append(result.Batch, RegisteredDevice(device));
            // Rules first: a fire alarm must not wait for InfluxDB.
            await alerts.ObserveAsync(device, batch, now);
            var lines = PointMapper.ToLineProtocol(device, batch);
            var write = new PendingWrite(lines, SettleAsync, reason => RejectAsync(SettleAsync, topic, payload, [new("storage_refused", reason)], now), publisherWaits);
            if (!publisherWaits)
            {
                await writer.EnqueueAsync(write, CancellationToken.None);
                return WriteAdmission.Queued;
            }
            var queued = writer.TryEnqueue(write);
            if (queued != WriteAdmission.Queued)
                Unsettled();
            return queued;
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the message is neither stored nor bad. Left unacknowledged, the broker
            // (or the device) keeps it for the next start.
            Unsettled();
            return WriteAdmission.Closed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never let one message stop consumption: dead-letter it and move on.
            _logger.LogError(ex, "Unexpected failure handling a message on {Topic}", topic);
            await RejectAsync(SettleAsync, topic, payload, [new("internal_error", ex.Message)], now);
            return WriteAdmission.Queued;
        }

        // Left to its sender: no longer Ingest's to finish.
        void Unsettled()
        {
            if (Interlocked.Exchange(ref settled, 1) == 0)
                Interlocked.Decrement(ref _unacknowledged);
        }
    }

    private RegistryDevice? RegisteredDevice(DeviceAddress device) =>
        registry.Current is { } current && current.TryGetDevice(device.Device, out var registered) ? registered.Device : null;

    private static ValidationError UnknownDevice(ParkRegistry registry, DeviceAddress device) =>
        registry.TryGetDevice(device.Device, out var registered)
            ? new(RejectionCodes.UnknownDevice, $"device '{device.Device}' is registered at {registered.Address.Park}/{registered.Address.Enterprise}, not {device.Park}/{device.Enterprise}")
            : new(RejectionCodes.UnknownDevice, $"device '{device.Device}' is not in the registry");

    /// <summary>Acknowledges a message on the connection it arrived on, or not at all (see
    /// <see cref="ResilientMqttClient.Epoch"/>): the broker then sends it again, and storing it
    /// twice is harmless where a stray acknowledgement could lose another message.</summary>
    private Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs e, long epoch, CancellationToken cancellationToken)
    {
        if (_mqtt!.Epoch == epoch)
            return e.AcknowledgeAsync(cancellationToken);
        metrics.StaleAcknowledgements.Add(1);
        _logger.LogDebug("Not acknowledging a message from a connection that is gone; the broker sends it again");
        return Task.CompletedTask;
    }

    private async Task RejectAsync(Func<CancellationToken, Task> settleAsync, string topic, byte[] payload, IReadOnlyList<ValidationError> errors, DateTimeOffset now)
    {
        metrics.BatchesRejected.Add(1, new KeyValuePair<string, object?>("reason", errors[0].Code));
        if (_rejectionLog.ShouldLog(topic + "\n" + errors[0].Code, out var heldBack))
        {
            _logger.LogWarning("Rejected telemetry on {Topic} ({Bytes} bytes): {Reasons} ({HeldBack} more like it since the last such warning went unlogged; the dead letters have every one)",
                topic, payload.Length, string.Join("; ", errors), heldBack);
        }
        try
        {
            await _mqtt!.Client.PublishAsync(DeadLetters.Build(topic, payload, errors, now));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning("Dead letter for {Topic} not published: {Error}", topic, ex.Message);
        }
        try
        {
            await settleAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug("Acknowledgement of a rejected message not sent: {Error}", ex.Message);
        }
    }
}
