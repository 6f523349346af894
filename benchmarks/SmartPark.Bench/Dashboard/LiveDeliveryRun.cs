using System.Diagnostics;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Scenarios;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The live part: signed-in clients in one park's group while publishers (a process of their own)
/// send that park's telemetry over MQTT at a steady rate. Every client should receive every
/// batch: the Dashboard pushes each accepted batch to the park's group and coalesces only tiles.
/// </summary>
internal static class LiveDeliveryRun
{
    public const string Park = "bench-live";
    private const string MeasuredPrefix = "live";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<LiveResult> RunAsync(DashboardBenchOptions options, int brokerPort, Uri dashboard, string user, string password,
        ProcessSampler sampler, CancellationToken cancellationToken)
    {
        var ledger = new DeliveryLedger(MeasuredPrefix + "-");
        Console.WriteLine($"live: signing in {options.Clients} clients and joining park {Park}");
        var signingIn = Stopwatch.GetTimestamp();
        await using var clients = await LiveClients.ConnectAsync(dashboard, user, password, Park, options.Clients, ledger,
            n => Console.WriteLine($"  {n}/{options.Clients} clients joined, {Stopwatch.GetElapsedTime(signingIn).TotalSeconds:0.0} s"), cancellationToken);
        var signInTime = Stopwatch.GetElapsedTime(signingIn);

        var messagesPerSecond = options.ReadingsPerSecond / options.ReadingsPerMessage;
        await WarmUpAsync(brokerPort, messagesPerSecond, options.ReadingsPerMessage, ledger, cancellationToken);

        await using var publishers = await TelemetryPublisherProcess.StartAsync(brokerPort, Park, MeasuredPrefix, messagesPerSecond, options.ReadingsPerMessage,
            options.Hold, options.Publishers, cancellationToken);
        sampler.Watch("publishers", publishers.Pid);
        Console.WriteLine($"live: {options.ReadingsPerSecond:N0} readings/s ({messagesPerSecond:N0} msg/s of {options.ReadingsPerMessage}) for {options.Hold.TotalSeconds:0} s to {clients.Count} clients");
        ledger.SteadyFrom = DateTimeOffset.UtcNow + (options.Hold / 3);
        sampler.BeginWindow();
        var tilesBefore = clients.Tiles;
        var started = Stopwatch.GetTimestamp();
        var progress = new LiveProgress(ledger, publishers, clients, options.ReadingsPerMessage, sampler);
        IReadOnlyDictionary<string, ProcessUsage> usage;
        TimeSpan held, drain;
        long acked, failed, tiles;
        using (Progress.Every(TimeSpan.FromSeconds(2), progress.Line))
        {
            (acked, failed) = await publishers.WaitAsync(cancellationToken);
            // CPU and memory while readings flow; the drain that follows is a different load.
            usage = sampler.Window();
            held = Stopwatch.GetElapsedTime(started);
            tiles = clients.Tiles - tilesBefore;
            drain = await DrainAsync(ledger, acked * clients.Count, options.MaxDrain, cancellationToken);
        }
        return new LiveResult(
            clients.Count, signInTime, options.ReadingsPerSecond, acked * options.ReadingsPerMessage / held.TotalSeconds, options.ReadingsPerMessage,
            acked, failed, acked * clients.Count, ledger.Receipts, ledger.BatchesToAll(clients.Count), acked - ledger.BatchesSeen,
            ledger.Delays.PercentileMs(0.5), ledger.Delays.PercentileMs(0.99), ledger.Delays.PercentileMs(1),
            ledger.SteadyDelays.PercentileMs(0.5), ledger.SteadyDelays.PercentileMs(0.99), held, drain,
            ledger.Receipts / (held + drain).TotalSeconds, tiles / (double)clients.Count / held.TotalSeconds, clients.Closed, usage);
    }

    /// <summary>A few seconds of the same load from other devices first, so JIT and connection
    /// warm-up are not in the figures (their receipts are not measured), then a pause until the
    /// Dashboard has caught up with them.</summary>
    private static async Task WarmUpAsync(int brokerPort, double messagesPerSecond, int readingsPerMessage, DeliveryLedger ledger, CancellationToken cancellationToken)
    {
        Console.WriteLine($"live: warming up for {WarmUp.TotalSeconds:0} s");
        await using (var warm = await TelemetryPublisherProcess.StartAsync(brokerPort, Park, "warm", messagesPerSecond, readingsPerMessage, WarmUp, 4, cancellationToken))
            await warm.WaitAsync(cancellationToken);
        long before;
        var waited = Stopwatch.GetTimestamp();
        do
        {
            before = ledger.Unmeasured;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        while (ledger.Unmeasured != before && Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until every client has every batch, or receipts stop coming for 5 s, or the limit.</summary>
    private static async Task<TimeSpan> DrainAsync(DeliveryLedger ledger, long expected, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastChange = started;
        var last = ledger.Receipts;
        while (ledger.Receipts < expected && Stopwatch.GetElapsedTime(started) < limit
            && Stopwatch.GetElapsedTime(lastChange) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100, cancellationToken);
            if (ledger.Receipts != last)
            {
                last = ledger.Receipts;
                lastChange = Stopwatch.GetTimestamp();
            }
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
