using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Overview;
using SmartPark.Dashboard.Security;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Feeds <see cref="LiveState"/> and the browsers from MQTT: device status (retained, so a fresh
/// Dashboard knows every device at once) and telemetry. Invalid telemetry is ignored here; Ingest
/// is the one that dead-letters it.
/// </summary>
public sealed class TelemetryListener(
    IOptions<DashboardOptions> options,
    LiveState state,
    IHubContext<LiveHub> hub,
    TimeProvider time,
    AlertFeed alerts,
    ParkRuleSets rules,
    DirtyTiles tiles,
    PendingReadings pending,
    SecurityMetrics security,
    RegistryProvider registry,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<TelemetryListener>();
    private ResilientMqttClient? _mqtt;

    public ResilientMqttClient? Connection => _mqtt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = options.Value.Broker with { CleanStart = true, SessionExpirySeconds = 0 };
        if (string.IsNullOrEmpty(broker.ClientId))
            broker.ClientId = $"smartpark-dashboard-{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}";
        await using var mqtt = new ResilientMqttClient(broker, loggers.CreateLogger<ResilientMqttClient>());
        _mqtt = mqtt;
        mqtt.OnConnectedAsync = async (_, ct) =>
        {
            await mqtt.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(SmartParkTopics.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(SmartParkTopics.AllTelemetry, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(SmartParkTopics.AllAlerts, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(SmartParkTopics.AllRules, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), ct);
        };
        mqtt.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        await mqtt.RunAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await mqtt.DisconnectAsync();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!SmartParkTopics.TryParse(message.Topic, out var topic))
            return;
        try
        {
            if (topic.Kind == TopicKind.Alert && topic.AlertId is { } alertId)
            {
                await alerts.OnMessageAsync(topic.Park, alertId, message.Payload.ToArray());
                return;
            }
            if (topic.Kind == TopicKind.Rules)
            {
                rules.OnMessage(topic.Park, message.Payload.ToArray());
                return;
            }
            if (topic.Device is not { } device)
                return;
            switch (topic.Kind)
            {
                case TopicKind.Telemetry:
                    await OnTelemetryAsync(device, message.Payload.ToArray());
                    break;
                case TopicKind.Status when message.Payload.Length > 0:
                    await OnStatusAsync(device, message.Topic, message.Payload.ToArray());
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning("Ignored a message on {Topic}: {Error}", message.Topic, ex.Message);
        }
    }

    private Task OnTelemetryAsync(DeviceAddress device, byte[] payload)
    {
        var now = time.GetUtcNow();
        var result = TelemetryValidator.Validate(payload, device, now);
        if (!result.IsValid)
        {
            _logger.LogDebug("Ignored invalid telemetry from {Device}: {Reasons}", device, result.Summary);
            return Task.CompletedTask;
        }
        // Converted concentrations and emission rates are not on MQTT: derived here as Ingest does.
        var readings = LiveDerivation.WithDerived(device, result.Batch.Readings!, registry.Current)
            .Select(r => new ReadingView(r.Sensor!, r.Quantity!, r.Value!.Value, QuantityCatalogue.Get(r.Quantity!).Unit, r.Ts!.Value, r.Flag!))
            .ToList();
        var update = new ReadingsUpdate(device.Park, device.Enterprise, device.Device, result.Batch.Seq!.Value, now, readings);
        state.ApplyReadings(device, update);
        tiles.Mark(device.Park, device.Enterprise);
        pending.Add(device, update); // pushed by ReadingsPublisher, coalesced
        return Task.CompletedTask;
    }

    private async Task OnStatusAsync(DeviceAddress device, string topic, byte[] payload)
    {
        // Stored and shown to every viewer of the park: only what the contract knows gets in. The
        // same check as the embedded broker's, made again here: an external broker checks no bodies.
        var problems = DeviceStatusValidator.Validate(payload, device);
        if (problems.Count > 0)
        {
            Refusals.StatusRejected(security, _logger, topic, problems[0].Code);
            return;
        }
        var status = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.DeviceStatus)!;
        var now = time.GetUtcNow();
        state.ApplyStatus(device, status, now);
        tiles.Mark(device.Park, device.Enterprise);
        await hub.Clients.Group(LiveHub.GroupOf(device.Park))
            .SendAsync("status", new StatusUpdate(device.Park, device.Enterprise, device.Device, status.State, status.At ?? now, status.Reason));
    }
}
