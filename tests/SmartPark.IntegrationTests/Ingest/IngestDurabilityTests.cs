using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Storage;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Under steady load, take a part away and bring it back: InfluxDB, Ingest (SIGKILL), the broker.
/// Afterwards InfluxDB must hold exactly the readings the broker acknowledged to the device:
/// none lost, none twice.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class IngestDurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "durability";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);
    private MosquittoServer _broker = null!;
    private InfluxDbServer _influx = null!;
    private readonly string _data = Directory.CreateTempSubdirectory("smartpark-ingest-").FullName;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private Task<long> StoredAsync(DeviceAddress device) =>
        _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String(device.Device)}");

    private async Task AssertExactlyOnceAsync(TelemetryLoad load)
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
            output.WriteLine("missing batches (seq): " + string.Join(", ", await MissingBatchesAsync(load)));
            throw;
        }
        output.WriteLine($"published {published}, stored {stored}");
        Assert.Equal(published, stored);
        // The rollups, recomputed as late and replayed points landed, cover each reading once.
        foreach (var rollup in new[] { "nmhc_1m", "nmhc_1h" })
            await Poll.UntilAsync(() => RolledUpAsync(rollup, load.Device), n => n == published, Settle, $"{rollup} to count {published} readings");
    }

    private async Task<long> RolledUpAsync(string rollup, DeviceAddress device)
    {
        var response = await _influx.Client(Database).QueryAsync($"SELECT sum(\"count\") FROM {InfluxQl.Identifier(rollup)} WHERE device = {InfluxQl.String(device.Device)}", CancellationToken.None);
        var series = response.Results.SelectMany(r => r.Series ?? []).FirstOrDefault();
        return series is null ? 0 : series.Values[0][1].GetInt64();
    }

    /// <summary>Which batches did not land: for a failure message that says where to look.</summary>
    private async Task<IEnumerable<long>> MissingBatchesAsync(TelemetryLoad load)
    {
        var response = await _influx.Client(Database).QueryAsync($"SELECT value FROM nmhc WHERE device = {InfluxQl.String(load.Device.Device)}", CancellationToken.None);
        var stored = response.Results.SelectMany(r => r.Series ?? []).SelectMany(s => s.Values).Select(v => load.SeqOf(v[0].GetInt64())).ToHashSet();
        return Enumerable.Range(1, (int)load.BatchesAcknowledged).Select(i => (long)i).Where(seq => !stored.Contains(seq));
    }

    private Task WaitForStoredAsync(TelemetryLoad load, long atLeast) =>
        Poll.UntilAsync(() => StoredAsync(load.Device), n => n >= atLeast, Settle, $"{atLeast} readings stored");

    private Task<IngestHost> StartIngestAsync(params string[] args) =>
        IngestHost.StartAsync(_influx.Url, Database, ["--EmbeddedBroker:Enabled=false", $"--Ingest:Broker:Port={_broker.Port}", "--Rollups:Grace=00:00:01", "--Rollups:CheckInterval=00:00:00.500", .. args]);

    [Fact]
    public async Task InfluxDB_stopped_for_60_s_under_load_then_restarted_loses_nothing_and_stores_nothing_twice()
    {
        await using var ingest = await StartIngestAsync("--Ingest:DirectWriteTimeout=00:00:02");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        await using var load = TelemetryLoad.Start(_broker.Port, new DeviceAddress("p-dur", "e-dur", "d-influx"));
        await WaitForStoredAsync(load, 200);

        await _influx.StopAsync();
        var outage = DateTime.UtcNow;
        // The outage lasts 60 s; meanwhile acknowledged readings must go to the spool.
        await Poll.UntilAsync(() => Task.FromResult(writer.SpoolBytes), b => b > 0 && DateTime.UtcNow - outage >= TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), "60 s of outage with a growing spool");
        var spooled = writer.SpoolBytes;
        await _influx.StartAgainAsync();

        await Poll.UntilAsync(() => Task.FromResult(writer.SpoolBytes), b => b == 0, Settle, "the spool to drain");
        await AssertExactlyOnceAsync(load);
        output.WriteLine($"spool held {spooled} bytes at the end of the outage");
    }

    [Fact]
    public async Task Ingest_killed_with_SIGKILL_under_load_and_restarted_loses_nothing()
    {
        // Ingest first: its persistent session must exist before there is anything to keep for it.
        var first = await IngestProcess.StartAsync(_broker.Port, _influx.Url, Database, _data);
        await using var load = TelemetryLoad.Start(_broker.Port, new DeviceAddress("p-dur", "e-dur", "d-kill"));
        await using (first)
        {
            await WaitForStoredAsync(load, 300);
            first.Kill();
        }
        var atKill = load.ReadingsAcknowledged;
        output.WriteLine($"killed Ingest after batch {load.BatchesAcknowledged}");
        // The broker keeps Ingest's persistent session and queues for it while it is gone.
        await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), n => n >= atKill + 200, Settle, "the device to go on publishing");
        await using var second = await IngestProcess.StartAsync(_broker.Port, _influx.Url, Database, _data);
        await WaitForStoredAsync(load, atKill + 200);
        await AssertExactlyOnceAsync(load);
    }

    [Fact]
    public async Task The_broker_restarted_under_load_loses_nothing()
    {
        await using var ingest = await StartIngestAsync();
        await using var load = TelemetryLoad.Start(_broker.Port, new DeviceAddress("p-dur", "e-dur", "d-broker"));
        await WaitForStoredAsync(load, 200);
        await _broker.StopAsync();
        var atStop = load.ReadingsAcknowledged;
        await _broker.StartAgainAsync();
        await WaitForStoredAsync(load, atStop + 200);
        await AssertExactlyOnceAsync(load);
    }

    [Fact]
    public async Task A_full_spool_back_pressures_the_broker_and_drops_nothing()
    {
        const long bound = 64 * 1024;
        await using var ingest = await StartIngestAsync($"--Ingest:MaxSpoolBytes={bound}", "--Ingest:DirectWriteTimeout=00:00:02", "--Ingest:ReceiveMaximum=50");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        await using var load = TelemetryLoad.Start(_broker.Port, new DeviceAddress("p-dur", "e-dur", "d-full"));
        await WaitForStoredAsync(load, 100);

        await _influx.StopAsync();
        // Fill the spool, then keep publishing well past what it can take.
        var full = await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), _ => writer.SpoolBytes > bound / 2, Settle, "the spool to fill");
        await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), n => n >= full + 1_500, Settle, "1,500 readings more than the spool can hold");
        Assert.InRange(writer.SpoolBytes, 1, bound + (16 * 1024));

        await _influx.StartAgainAsync();
        await AssertExactlyOnceAsync(load);
    }
}
