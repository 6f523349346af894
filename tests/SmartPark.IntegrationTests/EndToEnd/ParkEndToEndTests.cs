using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using SmartPark.Simulator;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.EndToEnd;

/// <summary>
/// The whole path: the demo park's virtual devices (real agent pipeline) → Ingest's embedded
/// broker → validation → InfluxDB. What InfluxDB holds must equal what the devices produced.
/// </summary>
public sealed class ParkEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "e2e";
    private const int Rounds = 6;
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-e2e-").FullName;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_demo_park_lands_in_influxdb_reading_for_reading()
    {
        var park = ParkFile.Load(Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.json"));
        var options = new SimulationOptions { DataDirectory = _dir, BrokerPort = _ingest.BrokerPort, Rounds = Rounds, IntervalOverrideMs = 250, Seed = 42 };
        await using var simulation = await ParkSimulation.CreateAsync(park, options, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var started = DateTime.UtcNow;
        var running = simulation.RunAsync(stop.Token);

        await simulation.WaitUntilDeliveredAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var produced = (await simulation.GetStatsAsync()).ReadingsProduced;
        var stored = await Poll.UntilAsync(() => StoredAsync(park.Park.Id), n => n >= produced, TimeSpan.FromSeconds(60), $"{produced} readings in InfluxDB");
        var elapsed = DateTime.UtcNow - started;
        await stop.CancelAsync();
        await running;

        var expected = park.Enterprises.SelectMany(e => e.Devices).Sum(d => d.Sensors.Sum(s => QuantitiesOf(s.Driver))) * Rounds;
        output.WriteLine($"{simulation.Devices.Count} devices produced {produced} readings; InfluxDB holds {stored}; first reading to last stored in {elapsed.TotalSeconds:0.0} s");
        Assert.Equal(expected, produced);
        Assert.Equal(produced, stored);
    }

    private async Task<long> StoredAsync(string park)
    {
        var response = await _influx.Client(Database).QueryAsync($"SELECT count(value) FROM /.*/ WHERE park = {InfluxQl.String(park)}", CancellationToken.None);
        return response.Results.SelectMany(r => r.Series ?? []).Sum(s => s.Values[0][s.ColumnIndex("count")].GetInt64());
    }

    private static int QuantitiesOf(string driver) =>
        SmartPark.EdgeAgent.Drivers.DriverFactory.Create(new SmartPark.EdgeAgent.Configuration.SensorOptions { Id = "x", Driver = driver }, "p").Quantities.Count;
}
