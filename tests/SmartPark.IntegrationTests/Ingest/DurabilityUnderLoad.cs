using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Under steady load, take a part away and bring it back: InfluxDB, Ingest (SIGKILL), the broker.
/// Afterwards InfluxDB must hold exactly the readings the broker acknowledged to the device:
/// none lost, none twice. Each test has its own broker and influxd (it stops them). The tests are
/// split over two classes only so that xUnit runs the two halves side by side: each waits out
/// minutes of outage and settling, and one class of four ran 5 minutes, longer than the rest of the suite.
/// </summary>
public abstract class DurabilityUnderLoad(ITestOutputHelper output) : IAsyncLifetime
{
    protected const string Database = "durability";
    protected static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);
    protected ITestOutputHelper Output { get; } = output;
    protected MosquittoServer Broker { get; private set; } = null!;
    protected InfluxDbServer Influx { get; private set; } = null!;
    protected string Data { get; } = Directory.CreateTempSubdirectory("smartpark-ingest-").FullName;

    public async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync();
        Influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Influx.DisposeAsync();
        await Broker.DisposeAsync();
        Directory.Delete(Data, recursive: true);
    }

    private Task<long> StoredAsync(DeviceAddress device) =>
        Influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    protected async Task AssertExactlyOnceAsync(TelemetryLoad load)
    {
        await load.StopAsync();
        var published = load.ReadingsAcknowledged;
        long stored;
        try
        {
            stored = await Poll.UntilAsync(() => StoredAsync(load.Device), n => n >= published, Settle, $"{published} readings stored");
        }
        catch (TimeoutException)
        {
            Output.WriteLine("missing batches (seq): " + string.Join(", ", await MissingBatchesAsync(load)));
            throw;
        }
        Output.WriteLine($"published {published}, stored {stored}");
        Assert.Equal(published, stored);
        // The rollups, recomputed as late and replayed points landed, cover each reading once.
        foreach (var rollup in new[] { "nmhc_1m", "nmhc_1h" })
            await Poll.UntilAsync(() => RolledUpAsync(rollup, load.Device), n => n == published, Settle, $"{rollup} to count {published} readings");
    }

    private async Task<long> RolledUpAsync(string rollup, DeviceAddress device)
    {
        var response = await Influx.Client(Database).QueryAsync($"SELECT sum(\"count\") FROM {InfluxQl.Identifier(rollup)} WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.SelectMany(r => r.Series ?? []).FirstOrDefault();
        return series is null ? 0 : series.Values[0][1].GetInt64();
    }

    /// <summary>Which batches did not land: for a failure message that says where to look.</summary>
    private async Task<IEnumerable<long>> MissingBatchesAsync(TelemetryLoad load)
    {
        var response = await Influx.Client(Database).QueryAsync($"SELECT value FROM nmhc WHERE device = {InfluxQl.String(load.Device.Device)}", CancellationToken.None);
        var stored = response.Results.SelectMany(r => r.Series ?? []).SelectMany(s => s.Values).Select(v => load.SeqOf(v[0].GetInt64())).ToHashSet();
        return Enumerable.Range(1, (int)load.BatchesAcknowledged).Select(i => (long)i).Where(seq => !stored.Contains(seq));
    }

    protected Task WaitForStoredAsync(TelemetryLoad load, long atLeast) =>
        Poll.UntilAsync(() => StoredAsync(load.Device), n => n >= atLeast, Settle, $"{atLeast} readings stored");

    protected Task<IngestHost> StartIngestAsync(params string[] args) =>
        IngestHost.StartAsync(Influx.Url, Database, ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={Broker.Port}", "--Rollups:Grace=00:00:01", "--Rollups:CheckInterval=00:00:00.500", .. args]);
}
