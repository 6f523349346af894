using System.Buffers;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Ingest.Consumer;

/// <summary>
/// Takes telemetry from the broker, validates it, dead-letters what is bad (with every reason)
/// and hands the rest to <see cref="InfluxBatchWriter"/>. Messages are acknowledged by hand:
/// a good one only once its points are in InfluxDB, a bad one once its dead letter is out, so
/// the broker keeps anything Ingest has not finished with. The session is persistent, and the
/// subscription is made again after every connect (a broker that lost the session would
/// otherwise leave Ingest connected but deaf).
/// </summary>
public sealed class TelemetryConsumer(
    IOptions<IngestOptions> options,
    InfluxBatchWriter writer,
    IngestMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<TelemetryConsumer>();
    private readonly IngestOptions _options = options.Value;
    private ResilientMqttClient? _mqtt;

    public ResilientMqttClient? Connection => _mqtt;

    private TelemetryValidationOptions Validation => new()
    {
        MaxClockSkew = _options.MaxClockSkew,
        MaxAge = _options.MaxReadingAge,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var mqtt = new ResilientMqttClient(_options.Broker, loggers.CreateLogger<ResilientMqttClient>());
        _mqtt = mqtt;
        mqtt.OnConnectedAsync = SubscribeAsync;
        mqtt.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        await mqtt.RunAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Stop order matters: the writer flushes and acknowledges while this connection is still up.
        await writer.StopAsync(CancellationToken.None);
        await mqtt.DisconnectAsync();
    }

    private async Task SubscribeAsync(MqttClientConnectResult connected, CancellationToken cancellationToken)
    {
        var filter = connected.SharedSubscriptionAvailable
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

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        var topic = e.ApplicationMessage.Topic;
        var payload = e.ApplicationMessage.Payload.ToArray();
        var now = time.GetUtcNow();
        try
        {
            if (!SmartParkTopics.TryParse(topic, out var parsed) || parsed.Kind != TopicKind.Telemetry || parsed.Device is not { } device)
            {
                await RejectAsync(e, topic, payload, [new(RejectionCodes.InvalidTopic, $"'{topic}' is not a device telemetry topic")], now);
                return;
            }

            var result = TelemetryValidator.Validate(payload, device, now, Validation);
            if (!result.IsValid)
            {
                await RejectAsync(e, topic, payload, result.Errors, now);
                return;
            }

            metrics.BatchesAccepted.Add(1);
            var lines = PointMapper.ToLineProtocol(device, result.Batch).ToList();
            await writer.EnqueueAsync(
                new PendingWrite(lines, e.AcknowledgeAsync, reason => RejectAsync(e, topic, payload, [new("storage_refused", reason)], now)),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never let one message stop consumption: dead-letter it and move on.
            _logger.LogError(ex, "Unexpected failure handling a message on {Topic}", topic);
            await RejectAsync(e, topic, payload, [new("internal_error", ex.Message)], now);
        }
    }

    private async Task RejectAsync(MqttApplicationMessageReceivedEventArgs e, string topic, byte[] payload, IReadOnlyList<ValidationError> errors, DateTimeOffset now)
    {
        metrics.BatchesRejected.Add(1, new KeyValuePair<string, object?>("reason", errors[0].Code));
        _logger.LogWarning("Rejected telemetry on {Topic} ({Bytes} bytes): {Reasons}", topic, payload.Length, string.Join("; ", errors));
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
            await e.AcknowledgeAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogDebug("Acknowledgement of a rejected message not sent: {Error}", ex.Message);
        }
    }
}
