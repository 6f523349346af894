using System.Diagnostics;
using SmartPark.Bench.Load;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Scenarios;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The live part: signed-in clients in one park's group while publishers send that park's
/// telemetry over MQTT at a steady rate; every client should receive every batch, since the
/// Dashboard pushes each accepted batch to the park's group (only tiles are coalesced).
/// </summary>
internal static class LiveDeliveryRun
{
    public const string Park = "bench-live";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<LiveResult> RunAsync(DashboardBenchOptions options, int brokerPort, Uri dashboard, string user, string password,
        ProcessSampler sampler, CancellationToken cancellationToken)
    {
        var ledger = new DeliveryLedger();
        Console.WriteLine($"live: signing in {options.Clients} clients and joining park {Park}");
        var signingIn = Stopwatch.GetTimestamp();
        await using var clients = await LiveClients.ConnectAsync(dashboard, user, password, Park, options.Clients, ledger,
            n => Console.WriteLine($"  {n}/{options.Clients} clients joined, {Stopwatch.GetElapsedTime(signingIn).TotalSeconds:0.0} s"), cancellationToken);
        var signInTime = Stopwatch.GetElapsedTime(signingIn);

        var messagesPerSecond = options.ReadingsPerSecond / options.ReadingsPerMessage;
        await WarmUpAsync(brokerPort, messagesPerSecond, options.ReadingsPerMessage, ledger, cancellationToken);

        await using var publishers = await PublisherPool.ConnectAsync(brokerPort, options.Publishers, "live", cancellationToken);
        var plan = new LoadPlan(Park, messagesPerSecond, options.ReadingsPerMessage, options.Hold) { Publishing = ledger.OnPublishing };
        Console.WriteLine($"live: {options.ReadingsPerSecond:N0} readings/s ({messagesPerSecond:N0} msg/s of {options.ReadingsPerMessage}) for {options.Hold.TotalSeconds:0} s to {clients.Count} clients");
        sampler.BeginWindow();
        var tilesBefore = clients.Tiles;
        var started = Stopwatch.GetTimestamp();
        var progress = new LiveProgress(ledger, publishers, clients, options.ReadingsPerMessage, sampler);
        IReadOnlyDictionary<string, ProcessUsage> usage;
        TimeSpan held, drain;
        long acked, tiles;
        using (Progress.Every(TimeSpan.FromSeconds(2), progress.Line))
        {
            await publishers.RunAsync(plan, cancellationToken);
            // CPU and memory while readings flow; the drain that follows is a different load.
            usage = sampler.Window();
            held = Stopwatch.GetElapsedTime(started);
            acked = publishers.Acked;
            tiles = clients.Tiles - tilesBefore;
            drain = await DrainAsync(ledger, clients.Count, options.MaxDrain, cancellationToken);
        }
        var (toAll, toNone) = ledger.Coverage(clients.Count);
        return new LiveResult(
            clients.Count, signInTime, options.ReadingsPerSecond, acked * options.ReadingsPerMessage / held.TotalSeconds, options.ReadingsPerMessage,
            ledger.Published, ledger.Published * clients.Count, ledger.Receipts, toAll, toNone,
            ledger.Delays.PercentileMs(0.5), ledger.Delays.PercentileMs(0.99), ledger.Delays.PercentileMs(1), held, drain,
            ledger.Receipts / (held + drain).TotalSeconds, tiles / (double)clients.Count / held.TotalSeconds, clients.Closed, usage);
    }

    /// <summary>A few seconds of the same load from other devices first, so JIT and connection
    /// warm-up are not in the figures (their receipts are not in the ledger), then a pause until
    /// the Dashboard has caught up with them.</summary>
    private static async Task WarmUpAsync(int brokerPort, double messagesPerSecond, int readingsPerMessage, DeliveryLedger ledger, CancellationToken cancellationToken)
    {
        Console.WriteLine($"live: warming up for {WarmUp.TotalSeconds:0} s");
        await using (var warm = await PublisherPool.ConnectAsync(brokerPort, 4, "warm", cancellationToken))
            await warm.RunAsync(new LoadPlan(Park, messagesPerSecond, readingsPerMessage, WarmUp), cancellationToken);
        long before;
        var waited = Stopwatch.GetTimestamp();
        do
        {
            before = ledger.Unknown;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        while (ledger.Unknown != before && Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until every client has every batch, or receipts stop coming for 5 s, or the limit.</summary>
    private static async Task<TimeSpan> DrainAsync(DeliveryLedger ledger, int clients, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var lastChange = started;
        var last = ledger.Receipts;
        while (ledger.Receipts < ledger.Published * clients && Stopwatch.GetElapsedTime(started) < limit
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
