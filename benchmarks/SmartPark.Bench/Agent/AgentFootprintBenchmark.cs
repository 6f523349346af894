using System.Diagnostics;
using System.Globalization;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Servers;
using SmartPark.Contracts.Topics;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Agent;

/// <summary>
/// <c>./smartpark bench agent [--minutes N] [--backlog READINGS]</c>:
/// 1. footprint: the agent with 20 simulated sensors at 1 Hz publishing to a private Mosquitto
///    for N minutes (default 10); resident memory (VmRSS, sampled each second) and CPU time
///    (utime + stime) after a 30 s warm-up, against the targets of 40 MB and 1 % of one core;
/// 2. drain: a backlog (default 200,000 readings) left in the outbox by an outage, drained after
///    the agent starts while its 20 sensors keep sampling; the rate is the backlog over the time
///    from its first to its last batch arriving at a subscriber, against the target of 5,000/s.
/// </summary>
internal static class AgentFootprintBenchmark
{
    private const double MemoryTargetMb = 40;
    private const double CpuTargetPercent = 1;
    private const double DrainTargetPerSecond = 5_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    public const string Usage = "./smartpark bench agent [--minutes N (default 10)] [--backlog READINGS (default 200000)]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var minutes = 10.0;
        long backlog = 200_000;
        for (var i = 0; i < args.Count; i++)
        {
            var ok = args[i] switch
            {
                "--minutes" when i + 1 < args.Count => double.TryParse(args[++i], CultureInfo.InvariantCulture, out minutes) && minutes > 0,
                "--backlog" when i + 1 < args.Count => long.TryParse(args[++i], CultureInfo.InvariantCulture, out backlog) && backlog > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bench agent: bad option near '{args[i]}'; usage: {Usage}");
                return 2;
            }
        }

        var dir = Directory.CreateTempSubdirectory("smartpark-bench-agent-").FullName;
        try
        {
            await using var broker = await BenchMosquitto.StartAsync(cancellationToken);
            var exe = AgentUnderTest.Executable(out var published);
            Console.WriteLine($"bench agent: {Machine.CpuModel()}, {Environment.ProcessorCount} cores; agent: {(published ? "NativeAOT linux-x64 publish" : "Release build (framework-dependent; run ./smartpark publish-agent for the deployed form)")}");
            Console.WriteLine($"bench agent: runtime settings as the systemd unit: {(AgentUnderTest.UnitEnvironment.Count == 0 ? "none" : string.Join(' ', AgentUnderTest.UnitEnvironment.Select(e => $"{e.Key}={e.Value}")))}");

            var footprint = await MeasureFootprintAsync(dir, broker.Port, TimeSpan.FromMinutes(minutes), cancellationToken);
            var drain = await MeasureDrainAsync(dir, broker.Port, backlog, cancellationToken);

            Console.WriteLine();
            Console.WriteLine("| figure | measured | target |");
            Console.WriteLine("| --- | ---: | ---: |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| resident memory, peak after warm-up (MB) | {footprint.PeakRssMb:0.0} | ≤ {MemoryTargetMb} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| resident memory, mean (MB) | {footprint.MeanRssMb:0.0} | |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU, % of one core over {footprint.Window.TotalMinutes:0.#} min | {footprint.CpuPercent:0.00} | ≤ {CpuTargetPercent} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| readings delivered per second (20 sensors at 1 Hz) | {footprint.ReadingsPerSecond:0.0} | |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| backlog drain (readings/s), {drain.Backlog:N0} readings | {drain.RatePerSecond:N0} | ≥ {DrainTargetPerSecond:N0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| new readings delivered during the drain | {drain.NewReadings:N0} | > 0 |"));
            var pass = footprint.PeakRssMb <= MemoryTargetMb && footprint.CpuPercent <= CpuTargetPercent && drain.RatePerSecond >= DrainTargetPerSecond && drain.NewReadings > 0;
            Console.WriteLine(pass ? "bench agent: all targets met" : "bench agent: some targets NOT met (see the table)");
            return pass ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed record Footprint(double PeakRssMb, double MeanRssMb, double CpuPercent, double ReadingsPerSecond, TimeSpan Window);

    private sealed record Drain(long Backlog, double RatePerSecond, long NewReadings);

    private static async Task<Footprint> MeasureFootprintAsync(string dir, int brokerPort, TimeSpan duration, CancellationToken cancellationToken)
    {
        var config = AgentUnderTest.WriteConfig(dir, brokerPort, Path.Combine(dir, "footprint-outbox.db"));
        await using var counter = await TelemetryCounter.StartAsync(brokerPort, SmartParkTopics.Telemetry(new(AgentUnderTest.Park, AgentUnderTest.Enterprise, AgentUnderTest.Device)), cancellationToken);
        await using var agent = AgentUnderTest.Start(config);
        Console.WriteLine($"bench agent: footprint: pid {agent.Pid}, warm-up {WarmUp.TotalSeconds:0} s, then {duration.TotalMinutes:0.#} min");
        await Task.Delay(WarmUp, cancellationToken);
        var start = ProcessSample.Read(agent.Pid) ?? throw new InvalidOperationException("the agent exited during warm-up: " + agent.Output);
        var readingsAtStart = counter.Readings;
        var clock = Stopwatch.StartNew();
        long peak = start.RssBytes, sum = 0, samples = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = start;
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync(cancellationToken))
        {
            last = ProcessSample.Read(agent.Pid) ?? throw new InvalidOperationException("the agent exited: " + agent.Output);
            peak = Math.Max(peak, last.RssBytes);
            sum += last.RssBytes;
            samples++;
            if (samples % 60 == 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench agent:   {clock.Elapsed.TotalMinutes:0} min: RSS {last.RssBytes / 1048576.0:0.0} MB, CPU so far {CpuPercent(start, last):0.00} %"));
        }
        var readings = counter.Readings - readingsAtStart;
        await agent.StopAsync();
        return new Footprint(peak / 1048576.0, sum / (double)Math.Max(1, samples) / 1048576.0, CpuPercent(start, last), readings / clock.Elapsed.TotalSeconds, clock.Elapsed);
    }

    private static double CpuPercent(ProcessSample from, ProcessSample to) =>
        (to.CpuTicks - from.CpuTicks) / ProcessSample.TicksPerSecond / Stopwatch.GetElapsedTime(from.TakenAt, to.TakenAt).TotalSeconds * 100;

    private static async Task<Drain> MeasureDrainAsync(string dir, int brokerPort, long backlogReadings, CancellationToken cancellationToken)
    {
        var outbox = Path.Combine(dir, "drain-outbox.db");
        var batches = await BacklogFiller.FillAsync(outbox, backlogReadings, cancellationToken);
        var backlog = batches * BacklogFiller.ReadingsPerBatch;
        var config = AgentUnderTest.WriteConfig(dir, brokerPort, outbox);
        await using var counter = await TelemetryCounter.StartAsync(brokerPort, SmartParkTopics.Telemetry(new(AgentUnderTest.Park, AgentUnderTest.Enterprise, AgentUnderTest.Device)), cancellationToken);
        await using var agent = AgentUnderTest.Start(config);
        Console.WriteLine($"bench agent: drain: {backlog:N0} readings in {batches:N0} batches waiting, agent pid {agent.Pid}");
        var span = await Poll.UntilAsync(() =>
        {
            if (agent.HasExited)
                throw new InvalidOperationException("the agent exited: " + agent.Output);
            return Task.FromResult(counter.ArrivalSpan(batches));
        }, s => s is not null, TimeSpan.FromMinutes(10), "the backlog to arrive");
        var seconds = Stopwatch.GetElapsedTime(span!.Value.First, span.Value.Last).TotalSeconds;
        var newReadings = counter.Readings - backlog;
        await agent.StopAsync();
        return new Drain(backlog, backlog / Math.Max(seconds, 0.001), newReadings);
    }
}
