using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Consumer;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Ingest.Alerts;

/// <summary>
/// The alert engine. Accepted batches (straight from validation, before storage, so a fire alarm
/// is not held up by InfluxDB), acknowledgements from the MQTT ack topic and a clock tick all go
/// through one loop, which evaluates the rules, saves the state and then publishes each
/// transition: the alert document retained on MQTT (an empty retained body once closed) and an
/// <c>alert_event</c> point through the durable InfluxDB writer, and the transition to the
/// notifier, which stores it in the outbox of every sink that routes it. A transition leaves the saved
/// outbox (<see cref="EngineState.Pending"/>) only once published, so a crash or a broker outage
/// delays it but never loses it.
/// </summary>
public sealed class AlertEngine : BackgroundService
{
    private readonly AlertOptions _options;
    private readonly IngestOptions _ingest;
    private readonly RuleBook _rules;
    private readonly IEnterpriseStatus _registry;
    private readonly InfluxBatchWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Channel<EngineInput> _inputs;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _latency;
    private readonly IAlertNotifier _notifier;
    private readonly ParkRulesPublisher _parkRules;
    private ResilientMqttClient? _mqtt;
    private volatile bool _republishAll = true;

    public AlertEngine(IOptions<AlertOptions> options, IOptions<IngestOptions> ingest, RuleBook rules, IEnterpriseStatus registry,
        InfluxBatchWriter writer, IAlertNotifier notifier, ParkRulesPublisher parkRules, TimeProvider time, IMeterFactory meters, ILoggerFactory loggers)
    {
        _notifier = notifier;
        _parkRules = parkRules;
        _options = options.Value;
        _ingest = ingest.Value;
        _rules = rules;
        _registry = registry;
        _writer = writer;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AlertEngine>();
        _inputs = Channel.CreateBounded<EngineInput>(new BoundedChannelOptions(_options.MaxQueuedBatches) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var meter = meters.Create(IngestMetrics.MeterName);
        _transitions = meter.CreateCounter<long>("smartpark.ingest.alerts.transitions", description: "Alert lifecycle transitions, by new state");
        _latency = meter.CreateHistogram<double>("smartpark.ingest.alerts.raise.latency", unit: "ms", description: "From a batch reaching Ingest to its alert being published");
    }

    /// <summary>Open alerts by id, as of the engine's last loop (for health and tests).</summary>
    public IReadOnlyDictionary<string, AlertDocument> OpenAlerts { get; private set; } = new Dictionary<string, AlertDocument>();

    public ResilientMqttClient? Connection => _mqtt;

    /// <summary>Hands an accepted batch to the engine; waits only if the engine is far behind.</summary>
    public ValueTask ObserveAsync(DeviceAddress device, TelemetryBatch batch, DateTimeOffset receivedAt) =>
        _options.Enabled ? _inputs.Writer.WriteAsync(new BatchInput(device, batch, receivedAt)) : ValueTask.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            _logger.LogWarning("Alert engine disabled (Alerts:Enabled=false)");
            return;
        }
        var store = new EngineStateStore(_options.StateDirectory);
        var state = store.Load();
        var evaluator = new AlertEvaluator(_rules, _registry, state);
        _logger.LogInformation("Alert engine started with {Open} open alerts and {Pending} unpublished transitions", state.Alerts.Count, state.Pending.Count);

        var endpoint = _ingest.Broker with { ClientId = _ingest.Broker.ClientId + "-alerts", ReceiveMaximum = 0 };
        await using var mqtt = new ResilientMqttClient(endpoint, _loggers.CreateLogger<ResilientMqttClient>());
        _mqtt = mqtt;
        mqtt.OnConnectedAsync = async (_, ct) =>
        {
            await mqtt.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(SmartParkTopics.AllAlertAcks, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            _republishAll = true; // the broker may have lost retained alerts: publish every open one again
        };
        mqtt.Client.ApplicationMessageReceivedAsync += OnAckAsync;
        var connection = mqtt.RunAsync(stoppingToken);

        using var tick = new PeriodicTimer(_options.TickInterval, _time);
        var tickDue = tick.WaitForNextTickAsync(stoppingToken).AsTask();
        var lastSave = _time.GetUtcNow();
        var changed = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_inputs.Reader.Count == 0)
                {
                    var inputReady = _inputs.Reader.WaitToReadAsync(stoppingToken).AsTask();
                    await Task.WhenAny(inputReady, tickDue);
                }
                var started = Stopwatch.GetTimestamp();
                var handled = 0;
                var ticked = false;
                while (_inputs.Reader.TryRead(out var input))
                {
                    Handle(evaluator, input);
                    handled++;
                }
                changed |= handled > 0;
                if (tickDue.IsCompleted)
                {
                    if (!await tickDue)
                        break;
                    try
                    {
                        evaluator.OnTick(_time.GetUtcNow());
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        _logger.LogError(ex, "Alert evaluation on the clock failed");
                    }
                    changed = ticked = true;
                    tickDue = tick.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                var now = _time.GetUtcNow();
                if (state.Pending.Count > 0 || (changed && now - lastSave >= _options.SaveInterval))
                {
                    // Saved before publishing: a transition that is out was decided in a saved state.
                    store.Save(state);
                    lastSave = now;
                    changed = false;
                }
                var published = state.Pending.Count;
                await PublishAsync(state, stoppingToken);
                if (published > 0 && state.Pending.Count == 0)
                {
                    store.Save(state);
                    _latency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                if (ticked || published > 0 || handled == 0 || OpenAlerts.Count != state.Alerts.Count)
                    OpenAlerts = state.Alerts.Values.ToDictionary(a => a.Document.AlertId, a => a.Document);
                // Under a steady flow, let batches gather instead of waking for each one.
                if (handled > 0 && _inputs.Reader.Count == 0 && _options.CoalesceInterval > TimeSpan.Zero)
                    await Task.Delay(_options.CoalesceInterval, stoppingToken); // wall clock even under a test's fake time
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            store.Save(state);
            await connection.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await mqtt.DisconnectAsync();
        }
    }

    private void Handle(AlertEvaluator evaluator, EngineInput input)
    {
        try
        {
            Evaluate(evaluator, input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One input the engine cannot handle must not stop alerting for everyone else.
            _logger.LogError(ex, "Alert evaluation failed for {Input}", input.GetType().Name);
        }
    }

    private void Evaluate(AlertEvaluator evaluator, EngineInput input)
    {
        switch (input)
        {
            case BatchInput b:
                _parkRules.Saw(b.Device.Park);
                evaluator.OnBatch(b.Device, b.Batch, b.ReceivedAt);
                break;
            case AckInput { Ack.Receipt: true } r:
                _logger.LogInformation("Bureau receipt of alert {AlertId} by {By}: {Outcome}", r.AlertId, r.Ack.By,
                    evaluator.Lifecycle.ConfirmReceipt(r.AlertId, r.Ack, r.ReceivedAt));
                break;
            case AckInput a:
                var outcome = evaluator.Lifecycle.Acknowledge(a.AlertId, a.Ack, a.ReceivedAt);
                _logger.LogInformation("Acknowledgement of alert {AlertId} by {By}: {Outcome}", a.AlertId, a.Ack.By, outcome);
                break;
        }
    }

    /// <summary>Publishes pending transitions in order, then refreshed documents. Stops at the first
    /// MQTT failure and tries again on the next loop: order per alert is kept.</summary>
    private async Task PublishAsync(EngineState state, CancellationToken cancellationToken)
    {
        var mqtt = _mqtt!;
        if (!mqtt.IsUp)
            return;
        if (_republishAll)
        {
            _republishAll = false;
            foreach (var alert in state.Alerts.Values)
                alert.DocumentDirty = true;
            _parkRules.RepublishAll();
        }
        while (state.Pending.Count > 0)
        {
            var transition = state.Pending[0];
            if (!await PublishDocumentAsync(mqtt, transition.Alert, cancellationToken))
                return;
            try
            {
                // Through the durable writer: spooled while InfluxDB is down. A repeat after a crash
                // lands on the same point (same tags and time), so it cannot double.
                await _writer.EnqueueAsync(new PendingWrite([AlertEventLine.From(transition)], _ => Task.CompletedTask, reason =>
                {
                    _logger.LogError("InfluxDB refused alert event {AlertId}#{Sequence}: {Reason}", transition.AlertId, transition.Sequence, reason);
                    return Task.CompletedTask;
                }), cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return; // shutting down: the transition stays in the saved outbox for the next start
            }
            try
            {
                // Returns once every sink that routes it has it fsynced in its outbox; delivery is theirs.
                await _notifier.EnqueueAsync(transition, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Notifications of alert {AlertId}#{Sequence} not stored; retrying", transition.AlertId, transition.Sequence);
                return;
            }
            state.Pending.RemoveAt(0);
            _transitions.Add(1, new KeyValuePair<string, object?>("state", transition.To));
            _logger.LogInformation("Alert {AlertId} ({Rule}, {Park}/{Enterprise}/{Device}/{Sensor}) {From} -> {To}, value {Value}",
                transition.AlertId, transition.Alert.RuleId, transition.Alert.Park, transition.Alert.Enterprise, transition.Alert.Device,
                transition.Alert.Sensor, transition.From ?? "-", transition.To, transition.Alert.Value);
        }
        var now = _time.GetUtcNow();
        foreach (var alert in state.Alerts.Values.Where(a => a.DocumentDirty && (a.DocumentPublishedAt is null || now - a.DocumentPublishedAt >= _options.DocumentRefreshInterval)))
        {
            if (!await PublishDocumentAsync(mqtt, alert.Document, cancellationToken))
                return;
            alert.DocumentDirty = false;
            alert.DocumentPublishedAt = now;
        }
        await _parkRules.PublishDueAsync(mqtt, cancellationToken);
    }

    private static async Task<bool> PublishDocumentAsync(ResilientMqttClient mqtt, AlertDocument doc, CancellationToken cancellationToken)
    {
        var closed = doc.State == AlertStates.Closed;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Alert(doc.Park, doc.AlertId))
            .WithPayload(closed ? [] : JsonSerializer.SerializeToUtf8Bytes(doc, ContractsJsonContext.Default.AlertDocument))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .WithContentType("application/json")
            .Build();
        try
        {
            return await mqtt.PublishAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private async Task OnAckAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!SmartParkTopics.TryParse(topic, out var parsed) || parsed.Kind != TopicKind.AlertAck || parsed.AlertId is null)
            return;
        AlertAck? ack = null;
        try
        {
            ack = JsonSerializer.Deserialize(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload), ContractsJsonContext.Default.AlertAck);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning("Ignored a malformed acknowledgement on {Topic}: {Error}", topic, ex.Message);
        }
        if (ack is null || string.IsNullOrWhiteSpace(ack.By))
        {
            _logger.LogWarning("Ignored an acknowledgement on {Topic} that names nobody", topic);
            return;
        }
        await _inputs.Writer.WriteAsync(new AckInput(parsed.Park, parsed.AlertId, ack, _time.GetUtcNow()));
    }
}
