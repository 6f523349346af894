using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.Platform.Mqtt;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>The edge agent against a real Mosquitto: QoS 1 delivery that survives the broker and the agent going away.</summary>
public sealed class AgentDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-agent-").FullName;
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private AgentOptions Agent(string device, int intervalMs = 100) => new()
    {
        Park = "p-agent",
        Enterprise = "e-agent",
        Device = device,
        OutboxPath = Path.Combine(_dir, device + ".db"),
        Broker = new MqttEndpointOptions
        {
            Port = _broker.Port,
            ClientId = device,
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        },
        Sensors =
        [
            new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = intervalMs },
            new SensorOptions { Id = "meter-1", Driver = "sim-energy-meter", IntervalMs = intervalMs },
        ],
    };

    private static IReadOnlyList<TelemetryBatch> Batches(MqttCollector collector) => AgentTraffic.Batches(collector);

    private static HashSet<long> Seqs(MqttCollector collector) => Batches(collector).Select(b => b.Seq!.Value).ToHashSet();

    [Fact]
    public async Task Readings_arrive_with_qos1_and_seq_rising_by_one_and_the_device_says_online()
    {
        var agent = Agent("d-qos");
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Telemetry(agent.Address), SmartParkTopics.Status(agent.Address)]);
        await using var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: 10, stop.Token);

        await runtime.SamplingCompleted.WaitAsync(Timeout);
        await runtime.WaitUntilDrainedAsync(new CancellationTokenSource(Timeout).Token);
        var stats = await runtime.GetStatsAsync();
        await Poll.UntilAsync(() => Task.FromResult(Seqs(collector)), s => s.Count >= stats.LastSeq, Timeout, "every batch at the collector");
        await stop.CancelAsync();
        await running;

        Assert.Equal(10, stats.LastSeq); // both sensors share an interval: one batch per round
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Seqs(collector).Order());
        Assert.Equal(60, stats.ReadingsStored); // voc: nmhc + tvoc, meter: power, energy, voltage, current
        Assert.Equal(60, Batches(collector).DistinctBy(b => b.Seq).Sum(b => b.Readings!.Count));
        Assert.Equal(0, stats.PendingBatches);

        var statuses = collector.Messages.Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.DeviceStatus)!).ToList();
        Assert.Equal("online", statuses[0].State);
        Assert.Equal(["voc-1", "meter-1"], statuses[0].Sensors!.Select(s => s.Sensor));
        await Poll.UntilAsync(() => Task.FromResult(collector.Messages.Count(m => m.Topic.EndsWith("/status", StringComparison.Ordinal))), n => n >= 2, Timeout, "the offline status");
        var last = JsonSerializer.Deserialize(collector.Messages.Last(m => m.Topic.EndsWith("/status", StringComparison.Ordinal)).Payload, ContractsJsonContext.Default.DeviceStatus)!;
        Assert.Equal("offline", last.State);
    }

    [Fact]
    public async Task The_broker_stopped_for_a_while_and_restarted_loses_nothing()
    {
        var agent = Agent("d-outage");
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Telemetry(agent.Address)], persistent: true);
        await using var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: 80, stop.Token);

        await Poll.UntilAsync(() => Task.FromResult(Seqs(collector).Count), n => n >= 10, Timeout, "10 batches before the outage");
        await _broker.StopAsync();
        // While the broker is away, batches pile up in the outbox instead of vanishing.
        var during = await Poll.UntilAsync(() => runtime.GetStatsAsync(), s => s.PendingBatches >= 10, Timeout, "10 batches held in the outbox");
        await _broker.StartAgainAsync();

        await runtime.SamplingCompleted.WaitAsync(Timeout);
        await runtime.WaitUntilDrainedAsync(new CancellationTokenSource(Timeout).Token);
        var stats = await runtime.GetStatsAsync();
        await Poll.UntilAsync(() => Task.FromResult(Seqs(collector)), s => s.Count >= stats.LastSeq, Timeout, $"all {stats.LastSeq} batches after the outage");
        await stop.CancelAsync();
        await running;

        Assert.True(during.PendingBatches >= 10);
        Assert.Equal(80, stats.LastSeq);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), Seqs(collector).Order());
        Assert.Equal(stats.ReadingsStored, Batches(collector).DistinctBy(b => b.Seq).Sum(b => b.Readings!.Count));
    }

    [Fact]
    public async Task The_agent_killed_mid_stream_and_restarted_loses_nothing()
    {
        var agent = Agent("d-killed");
        var config = Path.Combine(_dir, "agent.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Agent = agent }));
        var dll = RepositoryPaths.Output("src/EdgeAgent", "SmartPark.EdgeAgent.dll");
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Telemetry(agent.Address)], persistent: true);
        string[] args = [dll, "--config", config, $"--Urls=http://127.0.0.1:{FreePort.Next()}"];

        await using (var first = ProcessRunner.Start("dotnet", args))
        {
            await Poll.UntilAsync(() => Task.FromResult(Seqs(collector).Count), n => n >= 15, Timeout, "15 batches from the first run; agent said: " + first.Output);
            first.Kill(); // SIGKILL: no flush, no offline status, maybe a PUBACK never seen
        }
        var afterKill = Seqs(collector).Max();

        await using (var second = ProcessRunner.Start("dotnet", args))
        {
            await Poll.UntilAsync(() => Task.FromResult(Seqs(collector).Max()), max => max >= afterKill + 15, Timeout, "15 more batches from the restarted agent; agent said: " + second.Output);
            await second.StopAsync();
            Assert.Equal(0, second.ExitCode);
        }

        // Whatever the agent committed is either at the collector or still in its outbox.
        await using var outbox = await SqliteOutbox.OpenAsync(agent.OutboxPath);
        var stats = await outbox.GetStatsAsync();
        var pending = (await outbox.PeekAsync(100_000)).Select(e => e.Seq);
        var delivered = Seqs(collector);
        Assert.Equal(Enumerable.Range(1, (int)stats.LastSeq).Select(i => (long)i), delivered.Union(pending).Order());
        Assert.True(stats.LastSeq > afterKill, "the restarted agent went on counting where the killed one stopped");
    }
}
