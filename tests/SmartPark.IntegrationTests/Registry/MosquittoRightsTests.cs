using System.Text;
using MQTTnet;
using SmartPark.Contracts.Topics;

namespace SmartPark.IntegrationTests.Registry;

/// <summary>The publish rights Mosquitto enforces from <c>mosquitto-auth</c>'s ACL: the same table
/// as the embedded broker's, less what an ACL file cannot express (retain; see
/// <c>MosquittoAuthFiles.WhatMosquittoCannotEnforce</c>).</summary>
public sealed partial class MosquittoAuthTests
{
    [Fact]
    public async Task Every_topic_kind_for_every_party_is_allowed_or_refused_as_the_acl_part_of_the_table_says()
    {
        var (device, code) = await TestDevice.ConnectAsync(fixture.Broker.Port, Good.Device, RegistryFile.PasswordOf(Good.Device));
        using (device)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, code);
            Assert.Empty(await BrokerRights.MismatchesAsync(device, Good, Other, (k, w, r) => PublishRights.DeviceMay(k, w, r, aclOnly: true)));
        }
        foreach (var (username, password, role) in new[] { ("ingest", RegistryFile.IngestPassword, "ingest"), ("dashboard", RegistryFile.DashboardPassword, "dashboard") })
        {
            var (service, serviceCode) = await TestDevice.ConnectAsync(fixture.Broker.Port, username, password, $"smartpark-{role}-rights-test");
            using (service)
            {
                Assert.Equal(MqttClientConnectResultCode.Success, serviceCode);
                var table = PublishRights.Services[role];
                Assert.Empty(await BrokerRights.MismatchesAsync(service, Good, Other, (k, _, _) => table[k].Plain));
            }
        }
    }

    [Fact]
    public async Task A_last_will_on_another_devices_topic_is_not_sent()
    {
        var (watcher, received) = await BrokerRights.ListenAsync(fixture.Broker.Port, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-wills",
            SmartParkTopics.Telemetry(Good), SmartParkTopics.Status(Other));
        using var _ = watcher;
        var forged = TelemetryJson.Bytes(TelemetryJson.Batch(Good.Device, 77, TelemetryJson.Reading(ts: DateTimeOffset.UtcNow.AddSeconds(-2))));
        await BrokerRights.LeaveWithWillAsync(fixture.Broker.Port, Other, SmartParkTopics.Telemetry(Good), forged, retain: false);
        // Its own will, sent after the forged one would have been: once it is here, the other had its chance.
        var offline = Encoding.UTF8.GetBytes("""{"state":"offline","device":"d-mq-other","reason":"connection lost"}""");
        Assert.Equal(MqttClientConnectResultCode.Success, await BrokerRights.LeaveWithWillAsync(fixture.Broker.Port, Other, SmartParkTopics.Status(Other), offline, retain: true));
        await Poll.UntilAsync(() => Task.FromResult(received.Count(m => m.Topic == SmartParkTopics.Status(Other))), n => n >= 1, Timeout, "d-mq-other's own last will");
        // (A retained telemetry an earlier test left may be here: Mosquitto cannot refuse retain per topic.)
        Assert.DoesNotContain(received, m => m.Topic == SmartParkTopics.Telemetry(Good) && Encoding.UTF8.GetString(m.Payload).Contains("\"seq\":77", StringComparison.Ordinal));
    }
}
