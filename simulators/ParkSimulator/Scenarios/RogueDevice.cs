using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// A misbehaving device: it logs in with a real device's credentials and client id (brokers
/// with a registry insist a device uses its id; the real agent loses its session for a moment
/// and reconnects) and publishes what the system must refuse — broken JSON, a wrong unit, or a
/// batch on another device's topic.
/// </summary>
public static class RogueDevice
{
    /// <summary>Publishes the event's payloads; returns how many the broker acknowledged as accepted.</summary>
    public static async Task<int> PublishAsync(BadPublish bad, ParkDefinition park, SimulationOptions options, DateTimeOffset simNow, CancellationToken cancellationToken)
    {
        var own = AddressOf(park, bad.Device);
        var endpoint = options.BrokerFor(bad.Device);
        using var client = new MqttClientFactory().CreateMqttClient();
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(bad.Device)
            .WithCredentials(endpoint.Username, endpoint.Password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build();
        var connected = await client.ConnectAsync(connect, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"the broker refused {bad.Device}'s login: {connected.ResultCode} {connected.ReasonString}");
        var accepted = 0;
        for (var i = 0; i < bad.Count; i++)
        {
            var (topic, payload) = bad.Kind switch
            {
                BadPublishKind.Malformed => (SmartParkTopics.Telemetry(own), Encoding.UTF8.GetBytes("{\"schema\":1,\"device\":\"" + own.Device + "\",\"readings\":[{\"sensor\":")),
                BadPublishKind.WrongUnit => (SmartParkTopics.Telemetry(own), Batch(own.Device, "voc-1", "nmhc", "ppm", simNow)),
                _ => (SmartParkTopics.Telemetry(AddressOf(park, bad.Victim!)), Batch(own.Device, ScenarioLoader.ForeignSensor, "nmhc", "mg/m3", simNow)),
            };
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = await client.PublishAsync(message, cancellationToken);
            if (result.IsSuccess)
                accepted++;
        }
        await client.DisconnectAsync(cancellationToken: cancellationToken);
        return accepted;
    }

    public static DeviceAddress AddressOf(ParkDefinition park, string device)
    {
        var enterprise = park.Enterprises.First(e => e.Devices.Any(d => d.Id == device));
        return new DeviceAddress(park.Park.Id, enterprise.Id, device);
    }

    private static byte[] Batch(string device, string sensor, string quantity, string unit, DateTimeOffset at)
    {
        // A seq far from the real agent's, so the rogue batch is not mistaken for a replay.
        var batch = new TelemetryBatch
        {
            Schema = TelemetryBatch.CurrentSchema,
            Device = device,
            Seq = 900_000_000 + (at.ToUnixTimeMilliseconds() % 1_000_000),
            SentAt = at,
            Readings = [new Reading { Sensor = sensor, Quantity = quantity, Value = 4.2, Unit = unit, Ts = at, Flag = DataFlag.Normal }],
        };
        return JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.TelemetryBatch);
    }
}
