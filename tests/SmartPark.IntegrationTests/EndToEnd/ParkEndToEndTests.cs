using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.History;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using SmartPark.Simulator;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.EndToEnd;

/// <summary>
/// The whole path: the demo park's virtual devices (real agent pipeline) → Ingest's embedded
/// broker → validation → InfluxDB, and the Dashboard beside it: live over SignalR, history
/// from InfluxDB. What InfluxDB holds must equal what the devices produced.
/// </summary>
public sealed class ParkEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "e2e";
    private const int Rounds = 6;
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-e2e-").FullName;
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database);
        _dashboard = await DashboardHost.StartAsync(_ingest.BrokerPort, _influx.Url, Database);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_demo_park_lands_in_influxdb_reading_for_reading()
    {
        var park = ParkFile.Load(Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.json"));
        var options = new SimulationOptions { DataDirectory = _dir, BrokerPort = _ingest.BrokerPort, Rounds = Rounds, IntervalOverrideMs = 250, Seed = 42 };
        var live = new ConcurrentDictionary<string, int>();
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        await using var hub = admin.Hub(LiveHub.Path);
        hub.On<ReadingsUpdate>("readings", u => live.AddOrUpdate(u.Device, u.Readings.Count, (_, n) => n + u.Readings.Count));
        await hub.StartAsync();
        await hub.InvokeAsync<ParkSnapshot>("JoinPark", park.Park.Id);

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

        // The browser's side: every device's readings reached the park's SignalR group live, and
        // the history endpoint reads them back from InfluxDB.
        await Poll.UntilAsync(() => Task.FromResult(live.Values.Sum()), n => n >= produced, TimeSpan.FromSeconds(30), "every reading over SignalR");
        Assert.Equal(simulation.Devices.Count, live.Count);
        var device = simulation.Devices[0];
        var history = await admin.Http.GetFromJsonAsync<HistoryResponse>($"api/parks/{device.Park}/devices/{device.Enterprise}/{device.Device}/history?quantity=nmhc&minutes=10");
        Assert.Equal(Rounds, history!.Points.Count);
        Assert.All(history.Points, p => Assert.Equal("voc-1", p.Sensor));
    }

    private async Task<long> StoredAsync(string park)
    {
        // What devices produced: the values Ingest derives and stores beside them (nox_converted, cod_rate…) no device sent.
        var measured = string.Join(",", QuantityCatalogue.Measured.Select(q => InfluxQl.Identifier(q.Name)));
        var response = await _influx.Client(Database).QueryAsync($"SELECT count(value) FROM {measured} WHERE park = {InfluxQl.String(park)}", CancellationToken.None);
        return response.Results.SelectMany(r => r.Series ?? []).Sum(s => s.Values[0][s.ColumnIndex("count")].GetInt64());
    }

    private static int QuantitiesOf(string driver) =>
        SmartPark.EdgeAgent.Drivers.DriverFactory.Create(new SmartPark.EdgeAgent.Configuration.SensorOptions { Id = "x", Driver = driver }, "p").Quantities.Count;
}
