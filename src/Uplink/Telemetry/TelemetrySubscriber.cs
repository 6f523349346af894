using System.Buffers;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Uplink.Telemetry;

/// <summary>
/// Subscribes to telemetry with the uplink's service account and keeps the newest reading of
/// every device that has a monitoring point (others are skipped before parsing). Real-time data
/// is live only, so a clean session: nothing queued while the uplink was away is wanted.
/// </summary>
public sealed class TelemetrySubscriber(
    IOptions<UplinkOptions> options,
    LatestReadings latest,
    RegistryProvider registry,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<TelemetrySubscriber>();
    private HashSet<DeviceAddress> _devices = [];
    private long _registryVersion = -1;

    public ResilientMqttClient? Connection { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = options.Value.Broker with { CleanStart = true, SessionExpirySeconds = 0 };
        if (string.IsNullOrEmpty(broker.ClientId))
            broker.ClientId = "smartpark-uplink";
        await using var mqtt = new ResilientMqttClient(broker, loggers.CreateLogger<ResilientMqttClient>());
        Connection = mqtt;
        mqtt.OnConnectedAsync = async (_, ct) =>
        {
            var result = await mqtt.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(SmartParkTopics.AllTelemetry, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), ct);
            foreach (var item in result.Items.Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
                throw new InvalidOperationException($"broker refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode}");
        };
        mqtt.Client.ApplicationMessageReceivedAsync += OnMessageAsync;
        await mqtt.RunAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await mqtt.DisconnectAsync();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            if (!SmartParkTopics.TryParse(e.ApplicationMessage.Topic, out var topic) || topic.Kind != TopicKind.Telemetry || topic.Device is not { } device)
                return Task.CompletedTask;
            if (!Devices().Contains(device))
                return Task.CompletedTask;
            var result = TelemetryValidator.Validate(e.ApplicationMessage.Payload.ToArray(), device, time.GetUtcNow());
            if (!result.IsValid)
            {
                _logger.LogDebug("Ignored invalid telemetry from {Device}: {Reasons}", device, result.Summary);
                return Task.CompletedTask;
            }
            var readings = result.Batch.Readings!;
            foreach (var r in readings)
                latest.Offer(device, r.Sensor!, r.Quantity!, new LatestReading(r.Value!.Value, r.Flag!, r.Ts!.Value));
            // Values at reference oxygen for -ZsRtd, derived from the batch exactly as Ingest derives them.
            if (EmissionDerivation.MayDerive(readings) && registry.Current is { } current && current.TryGetDevice(device.Device, out var registered))
            {
                foreach (var r in EmissionDerivation.Derive(readings, sensor => registered.Device.Sensors.FirstOrDefault(s => s.Id == sensor)?.Emission))
                    latest.Offer(device, r.Sensor!, r.Quantity!, new LatestReading(r.Value!.Value, r.Flag!, r.Ts!.Value));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning("Ignored a message on {Topic}: {Error}", e.ApplicationMessage.Topic, ex.Message);
        }
        return Task.CompletedTask;
    }

    /// <summary>The devices of the monitoring points in force (rebuilt when the registry changes).</summary>
    private HashSet<DeviceAddress> Devices()
    {
        if (registry.Version != Interlocked.Read(ref _registryVersion) && registry.Current is { } current)
        {
            _devices = current.MonitoringPoints.Select(p => p.Device)
                .Concat(current.MonitoringPoints.SelectMany(p => p.Point.Meters.Select(m => current.TryGetDevice(m.Device ?? p.Point.Device, out var d) ? d.Address : p.Device)))
                .ToHashSet();
            Interlocked.Exchange(ref _registryVersion, registry.Version);
        }
        return _devices;
    }
}
