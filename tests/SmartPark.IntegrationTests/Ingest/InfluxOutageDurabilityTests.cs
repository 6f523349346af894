using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Storage;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>InfluxDB taken away under load: a 60 s outage, and one long enough to fill the spool.</summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class InfluxOutageDurabilityTests(ITestOutputHelper output) : DurabilityUnderLoad(output)
{
    [Fact]
    public async Task InfluxDB_stopped_for_60_s_under_load_then_restarted_loses_nothing_and_stores_nothing_twice()
    {
        await using var ingest = await StartIngestAsync("--Ingest:DirectWriteTimeout=00:00:02");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        await using var load = TelemetryLoad.Start(Broker.Port, new DeviceAddress("p-dur", "e-dur", "d-influx"));
        await WaitForStoredAsync(load, 200);

        await Influx.StopAsync();
        var outage = DateTime.UtcNow;
        // The outage lasts 60 s; meanwhile acknowledged readings must go to the spool.
        await Poll.UntilAsync(() => Task.FromResult(writer.SpoolBytes), b => b > 0 && DateTime.UtcNow - outage >= TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), "60 s of outage with a growing spool");
        var spooled = writer.SpoolBytes;
        await Influx.StartAgainAsync();

        await Poll.UntilAsync(() => Task.FromResult(writer.SpoolBytes), b => b == 0, Settle, "the spool to drain");
        await AssertExactlyOnceAsync(load);
        Output.WriteLine($"spool held {spooled} bytes at the end of the outage");
    }

    [Fact]
    public async Task A_full_spool_back_pressures_the_broker_and_drops_nothing()
    {
        const long bound = 64 * 1024;
        await using var ingest = await StartIngestAsync($"--Ingest:MaxSpoolBytes={bound}", "--Ingest:DirectWriteTimeout=00:00:02", "--Ingest:ReceiveMaximum=50");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        await using var load = TelemetryLoad.Start(Broker.Port, new DeviceAddress("p-dur", "e-dur", "d-full"));
        await WaitForStoredAsync(load, 100);

        await Influx.StopAsync();
        // Fill the spool, then keep publishing well past what it can take.
        var full = await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), _ => writer.SpoolBytes > bound / 2, Settle, "the spool to fill");
        await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), n => n >= full + 1_500, Settle, "1,500 readings more than the spool can hold");
        Assert.InRange(writer.SpoolBytes, 1, bound + (16 * 1024));

        await Influx.StartAgainAsync();
        await AssertExactlyOnceAsync(load);
    }
}
