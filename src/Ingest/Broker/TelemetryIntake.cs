using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Consumer;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// The embedded broker's hand-over of telemetry to Ingest's pipeline, so that a PUBACK to a
/// device means its readings are durable. MQTTnet awaits <c>InterceptingPublishAsync</c> before it
/// queues the PUBACK (<c>MqttClientSessionsManager.DispatchApplicationMessage</c>, then
/// <c>MqttConnectedClient.HandleIncomingPublishPacket</c>), so this handler validates the publish,
/// dead-letters it or hands it to <see cref="InfluxBatchWriter"/>, and returns only once it is
/// settled: stored in InfluxDB, fsynced to the spool, or dead-lettered. When Ingest cannot take it
/// (not ready yet, stopping, queue or spool full, not stored in time) the PUBACK carries an error
/// and the device keeps the batch in its outbox and sends it again. An MQTT 3.1.1 PUBACK has no
/// reason code, so such a client is disconnected instead: it gets no PUBACK and sends again too.
/// Each connection's packets are read one after another, so the wait holds back only that
/// device; other connections go on, and the writer batches what they hand over meanwhile.
/// The publish still goes to the broker's other subscribers (Dashboard, Uplink) unless refused.
/// </summary>
public sealed class TelemetryIntake
{
    private const string ProtocolItem = "smartpark.protocol";

    private readonly TelemetryConsumer _consumer;
    private readonly EmbeddedBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TelemetryIntake> _logger;
    private readonly Counter<long> _refused;
    // Refusals come in floods (every device retries while the spool is full): one warning a minute per reason.
    private readonly LogThrottle _refusalLog;
    private volatile bool _stopping;

    public TelemetryIntake(TelemetryConsumer consumer, IOptions<EmbeddedBrokerOptions> options, IMeterFactory meters, TimeProvider time, ILogger<TelemetryIntake> logger)
    {
        _consumer = consumer;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _refusalLog = new LogThrottle(time, TimeSpan.FromMinutes(1));
        _refused = meters.Create(IngestMetrics.MeterName).CreateCounter<long>(
            "smartpark.ingest.broker.telemetry.refused",
            description: "Telemetry publishes the embedded broker answered with an error PUBACK (the device sends them again), by reason");
    }

    /// <summary>From now on every telemetry publish is refused: the host is stopping.</summary>
    public void StopTaking() => _stopping = true;

    public void Attach(MqttServer server)
    {
        server.ClientConnectedAsync += RememberProtocol;
        server.InterceptingPublishAsync += OnPublishAsync;
    }

    private static Task RememberProtocol(ClientConnectedEventArgs e)
    {
        e.SessionItems[ProtocolItem] = e.ProtocolVersion;
        return Task.CompletedTask;
    }

    public async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        // Refused already (rights), or not telemetry: not the pipeline's.
        var topic = e.ApplicationMessage.Topic;
        if (!e.ProcessPublish || MqttTopicFilterComparer.Compare(topic, SmartParkTopics.AllTelemetry) != MqttTopicFilterCompareResult.IsMatch)
            return;
        if (_stopping)
        {
            Refuse(e, "stopping", MqttPubAckReasonCode.UnspecifiedError, "Ingest is stopping; publish again once it is back");
            return;
        }
        if (!_consumer.IsReady)
        {
            Refuse(e, "not_ready", MqttPubAckReasonCode.UnspecifiedError, "Ingest is starting; publish again shortly");
            return;
        }

        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var admission = await _consumer.HandleAsync(topic, e.ApplicationMessage.Payload.ToArray(), _ =>
        {
            settled.TrySetResult();
            return Task.CompletedTask;
        }, publisherWaits: true);
        switch (admission)
        {
            case WriteAdmission.Queued:
                break;
            case WriteAdmission.QueueFull:
                Refuse(e, "queue_full", MqttPubAckReasonCode.QuotaExceeded, "Ingest's write queue is full; publish again later");
                return;
            case WriteAdmission.SpoolFull:
                Refuse(e, "spool_full", MqttPubAckReasonCode.QuotaExceeded, "InfluxDB is unavailable and Ingest's spool is full; publish again later");
                return;
            default:
                Refuse(e, "stopping", MqttPubAckReasonCode.UnspecifiedError, "Ingest is stopping; publish again once it is back");
                return;
        }

        try
        {
            // Bounded: this connection reads nothing (its PINGREQs included) until we return, and the
            // device's client gives up on a ping after its timeout.
            await settled.Task.WaitAsync(_options.DurableAckTimeout, _time);
        }
        catch (TimeoutException)
        {
            // The write goes on; if it lands, the device's resend rewrites the same points (same
            // series and timestamps), which stores nothing twice.
            Refuse(e, "not_stored_in_time", MqttPubAckReasonCode.ImplementationSpecificError,
                $"not stored within {_options.DurableAckTimeout.TotalSeconds:0.#} s; publish again");
        }
    }

    private void Refuse(InterceptingPublishEventArgs e, string reason, MqttPubAckReasonCode code, string text)
    {
        // Not passed on: subscribers see the batch when the device sends it again.
        e.ProcessPublish = false;
        if (e.SessionItems?[ProtocolItem] is MqttProtocolVersion.V500)
        {
            e.Response.ReasonCode = code;
            e.Response.ReasonString = text;
        }
        else
        {
            // MQTT 3.1.1 cannot refuse a publish: any PUBACK tells the device to forget the batch.
            e.CloseConnection = true;
        }
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (_refusalLog.ShouldLog(reason, out var heldBack))
        {
            _logger.LogWarning("Refused telemetry from {ClientId} on {Topic}: {Reason} ({HeldBack} more refusals for this reason since the last such warning)",
                e.ClientId, e.ApplicationMessage.Topic, text, heldBack);
        }
    }
}
