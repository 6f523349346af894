using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Overview;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>However fast readings arrive, a browser gets at most one tile update and one readings
/// update per device per interval.</summary>
public sealed class TileCoalescingTests : DashboardOnItsOwnBroker
{
    [Fact]
    public async Task A_burst_of_readings_reaches_the_browser_as_few_tile_updates_ending_with_the_latest_value()
    {
        const int Batches = 60;
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub("/hubs/live");
        var updates = new List<EnterpriseTile>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TilesUpdate>("tiles", u =>
        {
            foreach (var t in u.Tiles.Where(t => t.Enterprise == "e-burst"))
            {
                lock (updates)
                    updates.Add(t);
                if (t.PowerKw == Batches)
                    last.TrySetResult();
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync<object>("JoinPark", "p-a");

        var clock = Stopwatch.StartNew();
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("burst").Build());
        var ts = DateTimeOffset.UtcNow.AddSeconds(-Batches);
        for (var i = 1; i <= Batches; i++)
        {
            var batch = TelemetryJson.Batch("d-burst", i, TelemetryJson.Reading("meter-1", "power", i, "kW", ts.AddSeconds(i)));
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-a", "e-burst", "d-burst")))
                .WithPayload(TelemetryJson.Bytes(batch)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
        await last.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var elapsed = clock.Elapsed;
        await client.DisconnectAsync();

        int count;
        lock (updates)
            count = updates.Count;
        // One update per 250 ms tick at most (plus the tick in progress at each end).
        Assert.InRange(count, 1, (int)(elapsed / TimeSpan.FromMilliseconds(250)) + 2);
        Assert.True(count < Batches, $"{count} updates for {Batches} batches");
    }

    [Fact]
    public async Task A_burst_of_readings_reaches_the_browser_as_few_readings_updates_ending_with_the_latest_value()
    {
        const int Batches = 60;
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub("/hubs/live");
        var received = 0;
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<SmartPark.Dashboard.Live.ReadingsUpdate>("readings", u =>
        {
            if (u.Device != "d-fast")
                return;
            Interlocked.Increment(ref received);
            if (u.Readings.Any(r => r.Value == Batches))
                last.TrySetResult();
        });
        await hub.StartAsync();
        await hub.InvokeAsync<object>("JoinPark", "p-a");

        var clock = Stopwatch.StartNew();
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("fast").Build());
        var ts = DateTimeOffset.UtcNow.AddSeconds(-Batches);
        for (var i = 1; i <= Batches; i++)
        {
            var batch = TelemetryJson.Batch("d-fast", i, TelemetryJson.Reading("voc-1", "nmhc", i, "mg/m3", ts.AddSeconds(i)));
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-a", "e-fast", "d-fast")))
                .WithPayload(TelemetryJson.Bytes(batch)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
        await last.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var elapsed = clock.Elapsed;
        await client.DisconnectAsync();

        var count = Volatile.Read(ref received);
        Assert.InRange(count, 1, (int)(elapsed / TimeSpan.FromMilliseconds(250)) + 2);
        Assert.True(count < Batches, $"{count} readings updates for {Batches} batches");
    }
}
