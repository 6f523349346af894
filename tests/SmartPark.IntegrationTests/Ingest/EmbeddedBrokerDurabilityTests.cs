using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Mqtt;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The default topology: Ingest hosts the broker the devices publish to, so killing Ingest kills
/// the broker with it. Real edge agents publish under load while Ingest is SIGKILLed twice and
/// restarted; afterwards every reading any agent saw acknowledged (and so deleted from its
/// outbox) must be in InfluxDB exactly once.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class EmbeddedBrokerDurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "embedded_durability";
    private const int Agents = 10;
    private const int Rounds = 300;
    private const int IntervalMs = 100; // the fastest an agent samples
    // Sensors per agent × quantities: sim-voc reads nmhc and tvoc, sim-energy-meter four.
    private const int SeriesPerAgent = 6;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);
    private readonly string _data = Directory.CreateTempSubdirectory("smartpark-embedded-").FullName;
    private readonly int _brokerPort = FreePort.Next();
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private AgentOptions Agent(int i) => new()
    {
        Park = "p-emb",
        Enterprise = "e-emb",
        Device = $"d-emb-{i}",
        OutboxPath = Path.Combine(_data, $"agent-{i}.db"),
        Broker = new MqttEndpointOptions
        {
            Port = _brokerPort,
            ClientId = $"d-emb-{i}",
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        },
        Sensors =
        [
            new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = IntervalMs },
            new SensorOptions { Id = "meter-1", Driver = "sim-energy-meter", IntervalMs = IntervalMs },
        ],
    };

    /// <summary>Points per (device, sensor, quantity) series in InfluxDB.</summary>
    private async Task<Dictionary<(string Device, string Sensor, string Quantity), long>> StoredPerSeriesAsync()
    {
        var response = await _influx.Client(Database).QueryAsync(
            "SELECT count(value) FROM /.*/ WHERE device =~ /^d-emb-/ GROUP BY device, sensor", CancellationToken.None);
        var counts = new Dictionary<(string, string, string), long>();
        foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
            counts[(series.Tags!["device"], series.Tags["sensor"], series.Name)] = series.Values[0][series.ColumnIndex("count")].GetInt64();
        return counts;
    }

    private async Task<long> StoredAsync() => (await StoredPerSeriesAsync()).Values.Sum();

    private Task<IngestProcess> StartIngestAsync() => IngestProcess.StartEmbeddedAsync(_brokerPort, _influx.Url, Database, Path.Combine(_data, "ingest"));

    [Fact]
    public async Task Ingest_hosting_the_broker_SIGKILLed_twice_under_load_from_agents_loses_no_acknowledged_reading_and_stores_none_twice()
    {
        var ingest = await StartIngestAsync();
        var runtimes = new List<AgentRuntime>();
        var running = new List<Task>();
        using var stop = new CancellationTokenSource();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                var options = Agent(i);
                var runtime = await AgentRuntime.CreateAsync(options, AgentRuntime.CreateDrivers(options), NullLoggerFactory.Instance);
                runtimes.Add(runtime);
                running.Add(runtime.RunAsync(Rounds, stop.Token));
            }

            for (var kill = 1; kill <= 2; kill++)
            {
                // Mid-stream: readings are landing and every agent has publishes in flight.
                var before = await StoredAsync();
                await Poll.UntilAsync(StoredAsync, n => n >= before + 2_000, Settle, $"2,000 more readings stored before kill {kill}");
                ingest.Kill();
                await ingest.DisposeAsync();
                var acknowledgedAtKill = await AcknowledgedAsync(runtimes);
                output.WriteLine($"kill {kill}: agents had {acknowledgedAtKill} readings acknowledged");
                // With the broker gone, the agents keep sampling into their outboxes.
                await Poll.UntilAsync(() => PendingAsync(runtimes), n => n >= Agents * 10, Settle, "batches piling up in the agents' outboxes");
                ingest = await StartIngestAsync();
            }

            foreach (var runtime in runtimes)
            {
                await runtime.SamplingCompleted.WaitAsync(Settle);
                await runtime.WaitUntilDrainedAsync(new CancellationTokenSource(Settle).Token);
            }

            var stats = await Task.WhenAll(runtimes.Select(r => r.GetStatsAsync()));
            Assert.All(stats, s =>
            {
                Assert.Equal(Rounds, s.LastSeq); // both sensors share an interval: one batch per round
                Assert.Equal(0, s.PendingBatches);
                Assert.Equal(0, s.ReadingsDropped);
                Assert.Equal(s.ReadingsStored, s.ReadingsAcknowledged);
            });
            var acknowledged = stats.Sum(s => s.ReadingsAcknowledged);
            Assert.Equal((long)Agents * Rounds * SeriesPerAgent, acknowledged);

            // Spooled points are replayed after the restart: wait for the count, then check each series.
            var stored = await Poll.UntilAsync(StoredPerSeriesAsync, c => c.Values.Sum() >= acknowledged, Settle, $"{acknowledged} readings stored");
            output.WriteLine($"acknowledged {acknowledged}, stored {stored.Values.Sum()} in {stored.Count} series");
            // One point per round in every series: none missing, and none twice (a reading stored
            // twice under another timestamp would make its series longer).
            Assert.Equal(Agents * SeriesPerAgent, stored.Count);
            Assert.All(stored, s => Assert.Equal(Rounds, s.Value));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            foreach (var runtime in runtimes)
                await runtime.DisposeAsync();
            output.WriteLine(ingest.Output.Length > 4_000 ? ingest.Output[^4_000..] : ingest.Output);
            await ingest.DisposeAsync();
        }
    }

    private static async Task<long> AcknowledgedAsync(IEnumerable<AgentRuntime> runtimes) =>
        (await Task.WhenAll(runtimes.Select(r => r.GetStatsAsync()))).Sum(s => s.ReadingsAcknowledged);

    private static async Task<long> PendingAsync(IEnumerable<AgentRuntime> runtimes) =>
        (await Task.WhenAll(runtimes.Select(r => r.GetStatsAsync()))).Sum(s => s.PendingBatches);
}
