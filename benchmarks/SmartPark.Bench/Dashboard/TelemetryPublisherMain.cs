using System.Globalization;
using SmartPark.Bench.Load;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The child side of <see cref="TelemetryPublisherProcess"/>: <c>SmartPark.Bench.dll
/// dashboard-publisher PORT PARK PREFIX MSG_PER_S READINGS_PER_MSG SECONDS CONNECTIONS</c>. Publishes
/// with QoS 1, readings dated with their publish time, and prints <c>acked N failed M</c> every
/// second and once more at the end.
/// </summary>
internal static class TelemetryPublisherMain
{
    public const string Command = "dashboard-publisher";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 7)
            throw new ArgumentException($"{Command} PORT PARK PREFIX MSG_PER_S READINGS_PER_MSG SECONDS CONNECTIONS");
        int Int(int i) => int.Parse(args[i], CultureInfo.InvariantCulture);
        var plan = new LoadPlan(args[1], double.Parse(args[3], CultureInfo.InvariantCulture), Int(4), TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture)))
        {
            StampPublishTime = true,
        };
        await using var pool = await PublisherPool.ConnectAsync(Int(0), Int(6), args[2], cancellationToken);
        Console.WriteLine("connected");
        var run = pool.RunAsync(plan, cancellationToken);
        while (await Task.WhenAny(run, Task.Delay(1_000, cancellationToken)) != run)
            Console.WriteLine($"acked {pool.Acked} failed {pool.Failed}");
        await run;
        Console.WriteLine($"acked {pool.Acked} failed {pool.Failed}");
        Console.WriteLine("done");
        return 0;
    }
}
