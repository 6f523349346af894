using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.EdgeAgent.Publishing;

/// <summary>The retained birth and last-will messages on a device's status topic.</summary>
public static class StatusMessages
{
    public static string AgentVersion { get; } =
        typeof(StatusMessages).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static MqttApplicationMessage Online(DeviceAddress device, IReadOnlyList<SensorDescription> sensors, DateTimeOffset at, long readingsDropped = 0) =>
        Build(device, new DeviceStatus
        {
            State = DeviceStatus.Online,
            Device = device.Device,
            At = at,
            AgentVersion = AgentVersion,
            Sensors = sensors,
            ReadingsDropped = readingsDropped > 0 ? readingsDropped : null,
        });

    public static MqttApplicationMessage Offline(DeviceAddress device, string reason, DateTimeOffset at) =>
        Build(device, new DeviceStatus { State = DeviceStatus.Offline, Device = device.Device, At = at, Reason = reason });

    /// <summary>The will is fixed at connect time, so it carries no time of its own.</summary>
    public static MqttWill Will(DeviceAddress device) =>
        new(SmartParkTopics.Status(device),
            JsonSerializer.SerializeToUtf8Bytes(
                new DeviceStatus { State = DeviceStatus.Offline, Device = device.Device, Reason = "connection lost" },
                ContractsJsonContext.Default.DeviceStatus),
            Retain: true);

    private static MqttApplicationMessage Build(DeviceAddress device, DeviceStatus status) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Status(device))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(status, ContractsJsonContext.Default.DeviceStatus))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .WithContentType("application/json")
            .Build();
}
