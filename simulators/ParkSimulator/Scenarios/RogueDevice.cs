using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// A misbehaving device: over its own live connection (the agent's, so its login and client id
/// are the real ones and no second session fights it for the client id), it publishes what the
/// system must refuse — broken JSON, a wrong unit, or a batch on another device's topic.
/// </summary>
public static class RogueDevice
{
    /// <summary>Publishes the event's payloads; returns how many the broker acknowledged as accepted.</summary>
    public static async Task<int> PublishAsync(BadPublish bad, ParkDefinition park, ResilientMqttClient connection, DateTimeOffset simNow, CancellationToken cancellationToken)
    {
        var own = AddressOf(park, bad.Device);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
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
            await connection.WaitUntilUpAsync(wait.Token);
            if (await connection.PublishAsync(message, wait.Token))
                accepted++;
        }
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
