using System.Buffers;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>The embedded broker's publish rights, retain, status bodies, wills, service client ids,
/// and Ingest's refusal of unregistered readings, against the real broker with a registry.</summary>
public sealed partial class EmbeddedBrokerAuthTests
{
    [Fact]
    public async Task Every_topic_kind_for_every_party_and_retain_flag_is_allowed_or_refused_as_the_table_says()
    {
        var (device, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using (device)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, code);
            Assert.Empty(await BrokerRights.MismatchesAsync(device, Good, Other, (k, w, r) => PublishRights.DeviceMay(k, w, r)));
            Assert.True(device.IsConnected, "a refused publish does not cost the device its connection");
        }

        // The services, with client ids of their roles.
        var accounts = new[] { ("ingest", RegistryFile.IngestPassword, "smartpark-ingest-rights-test", "ingest"), ("dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-rights-test", "dashboard") };
        foreach (var (username, password, clientId, role) in accounts)
        {
            var (service, serviceCode) = await TestDevice.ConnectAsync(Ingest.BrokerPort, username, password, clientId);
            using (service)
            {
                Assert.Equal(MqttClientConnectResultCode.Success, serviceCode);
                var table = PublishRights.Services[role];
                Assert.Empty(await BrokerRights.MismatchesAsync(service, Good, Other, (k, _, r) => r ? table[k].Retained : table[k].Plain));
            }
        }
    }

    [Fact]
    public async Task A_retained_telemetry_is_not_kept_and_a_status_outside_the_contract_is_refused_and_dead_lettered()
    {
        var (watcher, letters) = await BrokerRights.ListenAsync(Ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-letters", SmartParkTopics.DeadLetter(Good));
        using var _ = watcher;
        var (device, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using var __ = device;
        Assert.Equal(MqttClientConnectResultCode.Success, code);

        var retainedTelemetry = await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(Good))
            .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(Good.Device, 1, TelemetryJson.Reading(ts: DateTimeOffset.UtcNow.AddSeconds(-3)))))
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, retainedTelemetry.ReasonCode);
        var goodStatus = await PublishStatusAsync(device, """{"state":"online","device":"d-good","agentVersion":"1.2.3"}""");
        Assert.True(goodStatus.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers, goodStatus.ReasonCode.ToString());
        var html = """{"state":"<img src=x onerror=alert(1)>","device":"d-good"}""";
        var badStatus = await PublishStatusAsync(device, html);
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, badStatus.ReasonCode);

        // Both refusals are dead-lettered on the device's own dead-letter topic, with the payload.
        await Poll.UntilAsync(() => Task.FromResult(letters.Count), n => n >= 2, Timeout, "two dead letters");
        var dead = letters.Select(m => JsonSerializer.Deserialize(m.Payload.ToArray(), ContractsJsonContext.Default.DeadLetter)!).ToList();
        Assert.Contains(dead, d => d.Topic == SmartParkTopics.Telemetry(Good) && d.Errors.Single().Code == RejectionCodes.NotAuthorized);
        Assert.Contains(dead, d => d.Topic == SmartParkTopics.Status(Good) && d.Errors.Single().Code == RejectionCodes.InvalidStatus && d.Payload == html);

        // A newcomer gets the valid status as the retained one, and no retained telemetry. Both
        // filters go in one SUBSCRIBE, so the broker queues their retained messages together.
        var (late, received) = await BrokerRights.ListenAsync(Ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-late",
            SmartParkTopics.Telemetry(Good), SmartParkTopics.Status(Good));
        using var ___ = late;
        await Poll.UntilAsync(() => Task.FromResult(received.Count), n => n >= 1, Timeout, "the retained status");
        var retained = Assert.Single(received);
        Assert.Equal(SmartParkTopics.Status(Good), retained.Topic);
        Assert.Contains("1.2.3", Encoding.UTF8.GetString(retained.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_last_will_is_held_to_the_same_rights_as_a_publish()
    {
        var (watcher, received) = await BrokerRights.ListenAsync(Ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-wills",
            SmartParkTopics.Telemetry(Good), SmartParkTopics.Status(Other), SmartParkTopics.DeadLetter(Other));
        using var _ = watcher;
        var forged = TelemetryJson.Bytes(TelemetryJson.Batch(Good.Device, 77, TelemetryJson.Reading(ts: DateTimeOffset.UtcNow.AddSeconds(-2))));
        Assert.Equal(MqttClientConnectResultCode.Success, await BrokerRights.LeaveWithWillAsync(Ingest.BrokerPort, Other, SmartParkTopics.Telemetry(Good), forged, retain: false));
        var offline = Encoding.UTF8.GetBytes("""{"state":"offline","device":"d-other","reason":"connection lost"}""");
        Assert.Equal(MqttClientConnectResultCode.Success, await BrokerRights.LeaveWithWillAsync(Ingest.BrokerPort, Other, SmartParkTopics.Status(Other), offline, retain: true));

        await Poll.UntilAsync(() => Task.FromResult(received.Count(m => m.Topic == SmartParkTopics.Status(Other))), n => n >= 1, Timeout, "d-other's own last will");
        await Poll.UntilAsync(() => Task.FromResult(received.Count(m => m.Topic == SmartParkTopics.DeadLetter(Other))), n => n >= 1, Timeout, "the dead letter of d-other's forged will");
        Assert.DoesNotContain(received, m => m.Topic == SmartParkTopics.Telemetry(Good));
    }

    [Theory]
    [InlineData("dashboard", RegistryFile.DashboardPassword, "dashboard-test", false)]
    [InlineData("dashboard", RegistryFile.DashboardPassword, "smartpark-ingest", false)]
    [InlineData("dashboard", RegistryFile.DashboardPassword, "d-good", false)]
    [InlineData("dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-host-1", true)]
    [InlineData("ingest", RegistryFile.IngestPassword, "smartpark-dashboard-host-1", false)]
    [InlineData("ingest", RegistryFile.IngestPassword, "smartpark-ingest-second", true)]
    public async Task A_service_connects_only_with_a_client_id_of_its_role(string username, string password, string clientId, bool allowed)
    {
        var (client, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, username, password, clientId);
        using (client)
            Assert.Equal(allowed ? MqttClientConnectResultCode.Success : MqttClientConnectResultCode.ClientIdentifierNotValid, code);
    }

    [Fact]
    public async Task Readings_of_an_unregistered_sensor_or_quantity_are_dead_lettered_and_the_rest_of_the_batch_stored()
    {
        var (watcher, letters) = await BrokerRights.ListenAsync(Ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-unregistered", SmartParkTopics.DeadLetter(Good));
        using var _ = watcher;
        var (device, code) = await TestDevice.ConnectAsync(Ingest.BrokerPort, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using var __ = device;
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        // The registry lists one sensor for d-good: voc-1, measuring nmhc.
        var ts = DateTimeOffset.UtcNow.AddSeconds(-4).AddMilliseconds(-Random.Shared.Next(1000));
        var batch = TelemetryJson.Batch(Good.Device, 500,
            TelemetryJson.Reading(sensor: "voc-1", ts: ts),
            TelemetryJson.Reading(sensor: "voc-9", ts: ts),
            TelemetryJson.Reading(sensor: "voc-1", quantity: "power", unit: "kW", ts: ts));
        var published = await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(Good))
            .WithPayload(TelemetryJson.Bytes(batch)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        // NoMatchingSubscribers is a success code: Ingest takes telemetry in-process, not by subscribing.
        Assert.True(published.IsSuccess, published.ReasonCode.ToString());

        var stored = $"device = {InfluxQl.String(Good.Device)} AND sensor = 'voc-1' AND time = {InfluxQl.Time(ts)}";
        await Poll.UntilAsync(() => Influx.CountAsync(Database, "nmhc", stored), n => n == 1, Timeout, "the registered reading in InfluxDB");
        // Other tests' refusals may land on the same topic: pick this batch's letter by its seq.
        var letter = (await Poll.UntilAsync(() => Task.FromResult(Letters(letters).FirstOrDefault(l => l.Payload.Contains("\"seq\":500", StringComparison.Ordinal))),
            l => l is not null, Timeout, "the dead letter of the unregistered readings"))!;
        Assert.Equal([RejectionCodes.UnregisteredSensor, RejectionCodes.UnregisteredQuantity], letter.Errors.Select(e => e.Code));
        var refused = JsonSerializer.Deserialize(letter.Payload, ContractsJsonContext.Default.TelemetryBatch)!;
        Assert.Equal([("voc-9", "nmhc"), ("voc-1", "power")], refused.Readings!.Select(r => (r.Sensor!, r.Quantity!)));
        Assert.Equal(500, refused.Seq);
        Assert.Equal(0, await Influx.CountAsync(Database, "nmhc", $"sensor = 'voc-9'"));
        Assert.Equal(0, await Influx.CountAsync(Database, "power", $"device = {InfluxQl.String(Good.Device)}"));

        // A batch with nothing registered is refused whole, like any invalid batch.
        var onlyForeign = TelemetryJson.Batch(Good.Device, 501, TelemetryJson.Reading(sensor: "voc-9", ts: ts.AddMilliseconds(1)));
        await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(Good))
            .WithPayload(TelemetryJson.Bytes(onlyForeign)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await Poll.UntilAsync(() => Task.FromResult(Letters(letters).Count(l => l.Payload.Contains("\"seq\":501", StringComparison.Ordinal) && l.Errors.Single().Code == RejectionCodes.UnregisteredSensor)),
            n => n == 1, Timeout, "the dead letter of the batch with nothing registered");
        Assert.Equal(0, await Influx.CountAsync(Database, "nmhc", $"sensor = 'voc-9'"));
    }

    private static IEnumerable<DeadLetter> Letters(IEnumerable<MqttApplicationMessage> messages) =>
        messages.Select(m => JsonSerializer.Deserialize(m.Payload.ToArray(), ContractsJsonContext.Default.DeadLetter)!);

    private static Task<MqttClientPublishResult> PublishStatusAsync(IMqttClient device, string json) =>
        device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Status(Good)).WithPayload(json)
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
