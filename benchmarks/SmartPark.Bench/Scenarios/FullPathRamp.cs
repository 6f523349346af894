using System.Diagnostics;
using SmartPark.Bench.Load;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.Bench.Servers;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Scenarios;

/// <summary>
/// Publishers → Mosquitto → Ingest → InfluxDB at rising rates. Each step publishes into a park of
/// its own for <c>Hold</c>; then the bench waits for Ingest to finish and counts the step's
/// points in InfluxDB (InfluxQL <c>count</c>): every reading the broker acknowledged must be there.
/// Live figures come from Ingest's <c>/metrics</c>, which is cheap to read every second.
/// </summary>
internal sealed class FullPathRamp(InfluxDbServer influx, string database, int brokerPort, IngestUnderTest ingest, ProcessSampler sampler, BenchOptions options, IngestTopology topology = IngestTopology.Mosquitto)
{
    // Parks and client ids of their own per topology, so each run's counts are its own.
    private readonly string _prefix = topology == IngestTopology.Mosquitto ? "" : "emb-";

    public async Task<IReadOnlyList<StepResult>> RunAsync(int batch, IReadOnlyList<double> targets, CancellationToken cancellationToken)
    {
        var path = topology == IngestTopology.Mosquitto ? "Mosquitto → Ingest" : "Ingest's embedded broker (PUBACK once durable)";
        Console.WriteLine($"Full path, {batch} reading(s) a message: {options.Publishers} publishers → {path} → InfluxDB, {targets.Count} steps of {options.Hold.TotalSeconds:0} s");
        await using var publishers = await PublisherPool.ConnectAsync(brokerPort, options.Publishers, $"{_prefix}b{batch}", cancellationToken);
        var results = new List<StepResult>();
        for (var i = 0; i < targets.Count; i++)
        {
            var result = await RunStepAsync(publishers, batch, i + 1, targets.Count, targets[i], cancellationToken);
            results.Add(result);
            if (!result.Passed && !options.KeepGoing)
                break;
        }
        return results;
    }

    private async Task<StepResult> RunStepAsync(PublisherPool publishers, int batch, int step, int steps, double target, CancellationToken cancellationToken)
    {
        var park = $"{_prefix}b{batch}-s{step}";
        Console.WriteLine($" step {step}/{steps}: {target:N0} msg/s ({target * batch:N0} readings/s), park {park}");
        var before = await ingest.ReadCountersAsync(cancellationToken);
        long stored = 0;
        sampler.BeginWindow();
        var publishing = publishers.RunAsync(new LoadPlan(park, target, batch, options.Hold), cancellationToken);

        var started = Stopwatch.GetTimestamp();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (!publishing.IsCompleted)
        {
            await Task.WhenAny(publishing, tick.WaitForNextTickAsync(cancellationToken).AsTask());
            stored = await StoredSinceAsync(before, cancellationToken);
            var acked = publishers.Acked * batch;
            Console.WriteLine($"   {Stopwatch.GetElapsedTime(started).TotalSeconds,4:0}s  acked {acked,10:N0}  stored {stored,10:N0}  backlog {acked - stored,9:N0} readings");
        }
        await publishing;
        var hold = Stopwatch.GetElapsedTime(started);
        var ackedReadings = publishers.Acked * batch;
        var backlogAtEnd = ackedReadings - stored;
        var usage = sampler.Window();
        var (writes, writeMs) = IngestCounters.WritesBetween(before, await ingest.ReadCountersAsync(cancellationToken));

        var drain = await DrainAsync(before, ackedReadings, cancellationToken);
        var counted = await influx.CountAsync(database, LoadPlan.Quantity, $"park = '{park}'");
        var result = new StepResult(batch, step, target, publishers.Acked / hold.TotalSeconds, ackedReadings, counted,
            publishers.Failed, backlogAtEnd, drain, usage, options.MaxLag);
        Console.WriteLine($"   → {result.AchievedMessagesPerSecond:N0} msg/s acknowledged, {counted:N0}/{ackedReadings:N0} readings stored, " +
            $"backlog at end {backlogAtEnd:N0}, drained in {drain.TotalSeconds:0.0} s: {result.Verdict}");
        Console.WriteLine($"     Ingest wrote to InfluxDB {writes / hold.TotalSeconds:N1} times/s, {(writes > 0 ? stored / writes : 0):N0} points a write, {writeMs:N1} ms each; [{ResultReport.UsageLine(usage)}]");
        if (result.Lost > 0)
            Console.WriteLine("   Ingest's last log lines:\n" + string.Join('\n', ingest.Output.Split('\n').TakeLast(15).Select(l => "     " + l)));
        return result;
    }

    /// <summary>Waits until Ingest reports every acknowledged reading written, or stops making progress.</summary>
    private async Task<TimeSpan> DrainAsync(IngestCounters before, long owed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var last = -1L;
        var lastProgress = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < options.MaxDrain)
        {
            var stored = await StoredSinceAsync(before, cancellationToken);
            if (stored >= owed)
                break;
            if (stored != last)
            {
                last = stored;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(5))
            {
                break;
            }
            await Task.Delay(100, cancellationToken);
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private async Task<long> StoredSinceAsync(IngestCounters before, CancellationToken cancellationToken)
    {
        if (ingest.HasExited)
            throw new InvalidOperationException("Ingest exited during the run: " + ingest.Output);
        var now = await ingest.ReadCountersAsync(cancellationToken);
        // What InfluxDB acknowledged, the same thing the final count checks. Points Ingest spooled
        // to disk are durable too, but count here only once replayed into InfluxDB.
        return (long)(now.PointsWritten - before.PointsWritten);
    }
}
