using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using SmartPark.Simulator;
using SmartPark.Simulator.Generation;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>
/// A generated park with its generated registry: Ingest's broker lets every device in with its
/// derived password (and Ingest itself with the generated service account), and every reading
/// the devices produce is stored.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class GeneratedParkTests(ScenarioInflux influx)
{
    private const string Secret = "generated-park-test";
    private const int Rounds = 4;

    [Fact]
    public async Task Ingest_accepts_a_generated_park_through_its_generated_registry()
    {
        var park = ParkGenerator.Generate(new GeneratorOptions { ParkId = "nansha-gen", District = "Nansha", Enterprises = 6, ShutDownShare = 0.2, Seed = 3 });
        var dir = Directory.CreateTempSubdirectory("smartpark-generated-").FullName;
        try
        {
            var registry = Path.Combine(dir, "registry.yaml");
            await File.WriteAllTextAsync(registry, RegistryWriter.Write(park, Secret, hashIterations: 100));
            const string database = "generated_park";
            await using var ingest = await IngestHost.StartAsync(influx.Server.Url, database,
                $"--Registry:Path={registry}", "--Ingest:Broker:Username=ingest", $"--Ingest:Broker:Password={DevicePasswords.Derive(Secret, "ingest")}");

            var options = new SimulationOptions { DataDirectory = Path.Combine(dir, "sim"), BrokerPort = ingest.BrokerPort, DeviceSecret = Secret, Rounds = Rounds, IntervalOverrideMs = 200, Seed = 3 };
            await using var simulation = await ParkSimulation.CreateAsync(park, options, NullLoggerFactory.Instance);
            using var stop = new CancellationTokenSource();
            var running = simulation.RunAsync(stop.Token);
            await simulation.WaitUntilDeliveredAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            var produced = (await simulation.GetStatsAsync()).ReadingsProduced;
            await stop.CancelAsync();
            await running;

            var expected = park.Enterprises.Sum(e => e.Devices.Sum(d => d.Sensors.Sum(x =>
                SmartPark.EdgeAgent.Drivers.DriverFactory.Create(x, park.Park.Id, e.Id, d.Id).Quantities.Count))) * Rounds;
            Assert.Equal(expected, produced);
            var stored = await Poll.UntilAsync(() => StoredAsync(database, park.Park.Id), n => n >= produced, TimeSpan.FromSeconds(30), $"{produced} readings in InfluxDB");
            Assert.Equal(produced, stored);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<long> StoredAsync(string database, string park)
    {
        var response = await influx.Server.Client(database).QueryAsync($"SELECT count(value) FROM /.*/ WHERE park = {InfluxQl.String(park)}", CancellationToken.None);
        return response.Results.SelectMany(r => r.Series ?? []).Sum(s => s.Values[0][s.ColumnIndex("count")].GetInt64());
    }
}
