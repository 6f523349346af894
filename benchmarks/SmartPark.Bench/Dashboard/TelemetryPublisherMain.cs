using System.Globalization;
using SmartPark.Bench.Load;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The child side of <see cref="TelemetryPublisherProcess"/>: <c>SmartPark.Bench.dll
/// dashboard-publisher PORT PARK PREFIX MSG_PER_S READINGS_PER_MSG SECONDS CONNECTIONS</c>, in the
/// folder it is given. Publishes with QoS 1, readings dated with their publish time, and rewrites
/// <see cref="StatusFile"/> (a <see cref="PublisherStatus"/>) every 500 ms and at the end.
/// </summary>
internal static class TelemetryPublisherMain
{
    public const string Command = "dashboard-publisher";
    public const string StatusFile = "status";

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
        Write(new PublisherStatus(true, 0, 0, false));
        var run = pool.RunAsync(plan, cancellationToken);
        while (await Task.WhenAny(run, Task.Delay(500, cancellationToken)) != run)
            Write(new PublisherStatus(true, pool.Acked, pool.Failed, false));
        await run;
        Write(new PublisherStatus(true, pool.Acked, pool.Failed, true));
        return 0;
    }

    /// <summary>Written aside and renamed, so the parent never reads half a line.</summary>
    private static void Write(PublisherStatus status)
    {
        File.WriteAllText(StatusFile + ".new", status.ToString());
        File.Move(StatusFile + ".new", StatusFile, overwrite: true);
    }
}
