using SmartPark.Contracts.Topics;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>Ingest (SIGKILL) and the broker taken away under load.</summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class IngestDurabilityTests(ITestOutputHelper output) : DurabilityUnderLoad(output)
{
    [Fact]
    public async Task Ingest_killed_with_SIGKILL_under_load_and_restarted_loses_nothing()
    {
        // Ingest first: its persistent session must exist before there is anything to keep for it.
        var first = await IngestProcess.StartAsync(Broker.Port, Influx.Url, Database, Data);
        await using var load = TelemetryLoad.Start(Broker.Port, new DeviceAddress("p-dur", "e-dur", "d-kill"));
        await using (first)
        {
            await WaitForStoredAsync(load, 300);
            first.Kill();
        }
        var atKill = load.ReadingsAcknowledged;
        Output.WriteLine($"killed Ingest after batch {load.BatchesAcknowledged}");
        // The broker keeps Ingest's persistent session and queues for it while it is gone.
        await Poll.UntilAsync(() => Task.FromResult(load.ReadingsAcknowledged), n => n >= atKill + 200, Settle, "the device to go on publishing");
        await using var second = await IngestProcess.StartAsync(Broker.Port, Influx.Url, Database, Data);
        await WaitForStoredAsync(load, atKill + 200);
        await AssertExactlyOnceAsync(load);
    }

    [Fact]
    public async Task The_broker_restarted_under_load_loses_nothing()
    {
        await using var ingest = await StartIngestAsync();
        await using var load = TelemetryLoad.Start(Broker.Port, new DeviceAddress("p-dur", "e-dur", "d-broker"));
        await WaitForStoredAsync(load, 200);
        await Broker.StopAsync();
        var atStop = load.ReadingsAcknowledged;
        await Broker.StartAgainAsync();
        await WaitForStoredAsync(load, atStop + 200);
        await AssertExactlyOnceAsync(load);
    }
}
