using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.Bench.Scenarios;
using SmartPark.Bench.Servers;
using SmartPark.TestSupport;

namespace SmartPark.Bench;

/// <summary>
/// <c>./smartpark bench ingest</c>: starts a private influxd and Mosquitto, measures what each can
/// do alone, then ramps the full path through a separately started Ingest for each batch size,
/// once per topology: through Mosquitto, and through Ingest's own embedded broker.
/// Every server is stopped by PID on the way out, whatever happened.
/// </summary>
internal static class IngestBenchmark
{
    private const string Database = "smartpark_bench";

    /// <summary>0 when every step kept all its data; 1 when a step lost data.</summary>
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"SmartPark ingest benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Machine.CpuModel()}");
        await using var sampler = new ProcessSampler();
        sampler.Watch("bench", Environment.ProcessId);

        await using var influx = await InfluxDbServer.StartAsync();
        sampler.Watch("influxd", influx.Pid);
        await using var broker = await BenchMosquitto.StartAsync(cancellationToken);
        sampler.Watch("mosquitto", broker.Pid);
        Console.WriteLine($"influxd pid {influx.Pid} on {influx.Url}; mosquitto pid {broker.Pid} on 127.0.0.1:{broker.Port}");

        var influxCeiling = await InfluxCeiling.RunAsync(influx, options, sampler, cancellationToken);
        var brokerCeiling = await BrokerCeiling.RunAsync(broker.Port, options, sampler, cancellationToken);

        var lost = false;
        foreach (var topology in options.Topologies)
            lost |= await RunTopologyAsync(topology, influx, broker.Port, influxCeiling, brokerCeiling, sampler, options, cancellationToken);
        return lost ? 1 : 0;
    }

    /// <summary>Ramps and fleet through one topology, with an Ingest of its own (stopped before the
    /// next, so the two never share the CPU). True when a step or the fleet lost data.</summary>
    private static async Task<bool> RunTopologyAsync(IngestTopology topology, InfluxDbServer influx, int mosquittoPort, PhaseResult influxCeiling, PhaseResult brokerCeiling,
        ProcessSampler sampler, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var ingest = topology == IngestTopology.Mosquitto
            ? await IngestUnderTest.StartAsync(mosquittoPort, influx.Url, Database, options.IngestArgs, cancellationToken)
            : await IngestUnderTest.StartEmbeddedAsync(influx.Url, Database, options.IngestArgs, cancellationToken);
        var brokerPort = ingest.EmbeddedBrokerPort ?? mosquittoPort;
        sampler.Watch("ingest", ingest.Pid);
        Console.WriteLine($"Topology {topology}: Ingest pid {ingest.Pid} on {ingest.Url}, publishers to 127.0.0.1:{brokerPort}{(options.IngestArgs.Count > 0 ? " with " + string.Join(' ', options.IngestArgs) : "")}");

        var ramp = new FullPathRamp(influx, Database, brokerPort, ingest, sampler, options, topology);
        var steps = new List<StepResult>();
        foreach (var batch in options.Batches)
        {
            // Batches of one are bounded by the broker's message rate, bigger ones by InfluxDB's point rate.
            // The embedded topology is stepped against Mosquitto's ceiling too: one yardstick for both.
            var ceilingMessages = batch == 1 ? brokerCeiling.Rate : influxCeiling.Rate / batch;
            var targets = options.StepsFor(batch).Select(f => Math.Round(f * ceilingMessages)).ToList();
            steps.AddRange(await ramp.RunAsync(batch, targets, cancellationToken));
        }

        var fleet = options.FleetDevices > 0
            ? await DeviceFleetRun.RunAsync(influx, Database, brokerPort, sampler, options, cancellationToken,
                topology == IngestTopology.Mosquitto ? DeviceFleetRun.Park : "emb-" + DeviceFleetRun.Park)
            : null;

        Console.WriteLine();
        Console.WriteLine(topology == IngestTopology.Mosquitto
            ? "Topology: publishers → Mosquitto → Ingest → InfluxDB"
            : "Topology: publishers → Ingest's embedded broker → InfluxDB (PUBACK once durable)");
        Console.WriteLine(ResultReport.Render(influxCeiling, brokerCeiling, steps, sampler.PeakRss("ingest")));
        if (fleet is not null)
            Console.WriteLine(ResultReport.RenderFleet(fleet));
        return steps.Any(s => s.Lost > 0) || fleet is { Lost: > 0 };
    }
}
