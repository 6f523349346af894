using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.Bench.Servers;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// <c>./smartpark bench dashboard</c>: starts its own influxd, Mosquitto and the Dashboard (its
/// own process), then the history part (<see cref="HistoryRun"/>) and the live part
/// (<see cref="LiveDeliveryRun"/>). Everything started is stopped by PID as the run unwinds,
/// Ctrl-C and SIGTERM included. Exits 1 when the clients received nothing.
/// </summary>
internal static class DashboardBenchmark
{
    private const string Database = "smartpark_dashboard_bench";

    public static async Task<int> RunAsync(DashboardBenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"SmartPark dashboard benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Machine.CpuModel()}");
        await using var sampler = new ProcessSampler();
        sampler.Watch("bench", Environment.ProcessId);
        await using var influx = await InfluxDbServer.StartAsync();
        sampler.Watch("influxd", influx.Pid);
        await using var broker = await BenchMosquitto.StartAsync(cancellationToken);
        sampler.Watch("mosquitto", broker.Pid);
        await using var dashboard = await DashboardUnderTest.StartAsync(broker.Port, influx.Url, Database, [LiveDeliveryRun.Park, MonthOfRollups.Park], cancellationToken);
        sampler.Watch("dashboard", dashboard.Pid);
        Console.WriteLine($"servers: influxd pid {influx.Pid}, mosquitto pid {broker.Pid} on {broker.Port}, dashboard pid {dashboard.Pid} at {dashboard.Url}");

        IReadOnlyList<HistoryTiming>? history = null;
        if (options.History)
            history = await HistoryRun.RunAsync(influx.Client(Database), broker.Port, dashboard.Url, DashboardUnderTest.User, dashboard.Password, options.HistoryRequests, cancellationToken);

        LiveResult? live = null;
        if (options.Live)
            live = await LiveDeliveryRun.RunAsync(options, broker.Port, dashboard.Url, DashboardUnderTest.User, dashboard.Password, sampler, cancellationToken);

        if (dashboard.HasExited)
            Console.WriteLine("the Dashboard exited during the run: " + dashboard.Output);
        Console.WriteLine(DashboardReport.Render(live, history));
        if (live is { Receipts: 0 })
        {
            Console.WriteLine("FAIL: the clients received nothing");
            return 1;
        }
        return 0;
    }
}
