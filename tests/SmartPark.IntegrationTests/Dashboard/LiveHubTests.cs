using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>The Dashboard fed by a real Mosquitto, read by a real SignalR client.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private MosquittoServer _broker = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        // No InfluxDB here: live updates must not depend on it.
        _dashboard = await DashboardHost.StartAsync(_broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none");
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
    }

    private async Task PublishAsync(string topic, byte[] payload, bool retain = false)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId("pub-" + Guid.NewGuid().ToString("N")[..8]).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());
        await client.DisconnectAsync();
    }

    [Fact]
    public async Task A_signalr_client_of_the_park_receives_a_reading_published_on_mqtt()
    {
        var device = new DeviceAddress("p-live", "e-live", "d-live");
        var received = new TaskCompletionSource<ReadingsUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        await using var hub = admin.Hub(LiveHub.Path);
        hub.On<ReadingsUpdate>("readings", u => received.TrySetResult(u));
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-live");
        Assert.Empty(snapshot.Devices);

        var ts = DateTimeOffset.UtcNow.AddSeconds(-1);
        await PublishAsync(SmartParkTopics.Telemetry(device), TelemetryJson.Bytes(TelemetryJson.Batch("d-live", 3, TelemetryJson.Reading("voc-1", "nmhc", 4.2, "mg/m3", ts))));

        var update = await received.Task.WaitAsync(Timeout);
        Assert.Equal(("p-live", "e-live", "d-live", 3L), (update.Park, update.Enterprise, update.Device, update.Seq));
        var reading = Assert.Single(update.Readings);
        Assert.Equal(("voc-1", "nmhc", 4.2, "mg/m3", "N"), (reading.Sensor, reading.Quantity, reading.Value, reading.Unit, reading.Flag));

        // A client that joins later gets the same state in its snapshot.
        var later = await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-live");
        Assert.Equal(4.2, Assert.Single(Assert.Single(later.Devices).Readings).Value);
    }

    [Fact]
    public async Task Other_parks_readings_do_not_reach_the_group_and_retained_status_lists_devices()
    {
        await PublishAsync(SmartParkTopics.Status(new DeviceAddress("p-a", "e1", "d1")), """{"state":"online","device":"d1"}"""u8.ToArray(), retain: true);
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        var http = admin.Http;
        await Poll.UntilAsync(async () => (await http.GetStringAsync(new Uri(_dashboard.Url, "api/parks/p-a/devices"))).Contains("\"d1\"", StringComparison.Ordinal),
            Timeout, "the retained status to list d1");

        var other = new List<ReadingsUpdate>();
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = admin.Hub(LiveHub.Path);
        hub.On<ReadingsUpdate>("readings", u =>
        {
            if (u.Park == "p-a")
                mine.TrySetResult();
            else
                other.Add(u);
        });
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-a");
        Assert.Equal("online", Assert.Single(snapshot.Devices).State);

        var ts = DateTimeOffset.UtcNow;
        await PublishAsync(SmartParkTopics.Telemetry(new DeviceAddress("p-b", "e1", "d9")), TelemetryJson.Bytes(TelemetryJson.Batch("d9", 1, TelemetryJson.Reading(ts: ts))));
        await PublishAsync(SmartParkTopics.Telemetry(new DeviceAddress("p-a", "e1", "d1")), TelemetryJson.Bytes(TelemetryJson.Batch("d1", 1, TelemetryJson.Reading(ts: ts))));
        await mine.Task.WaitAsync(Timeout);
        Assert.Empty(other);
    }

    [Fact]
    public async Task The_page_and_its_signalr_client_are_served_without_a_cdn()
    {
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        var http = admin.Http;
        var page = await http.GetStringAsync(_dashboard.Url);
        Assert.Contains("lib/signalr/signalr.min.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        using var script = await http.GetAsync(new Uri(_dashboard.Url, "lib/signalr/signalr.min.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
