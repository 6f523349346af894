using System.Runtime.InteropServices;
using SmartPark.Bench;
using SmartPark.Bench.Alerts;
using SmartPark.Bench.Dashboard;

// ./smartpark bench ingest [options]: see BenchOptions.Usage.
// ./smartpark bench alerts [EVENTS]: fire-alarm latency under background load (AlertLatencyBenchmark).
// ./smartpark bench agent [--minutes N]: the edge agent's footprint (AgentFootprintBenchmark).
// ./smartpark bench dashboard [options]: see DashboardBenchOptions.Usage.
// dashboard-publisher …: the dashboard bench's publishers, started by it as a child process.
var command = args.FirstOrDefault();
if (command == "agent" && args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(SmartPark.Bench.Agent.AgentFootprintBenchmark.Usage);
    return 0;
}
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(command == "dashboard" ? DashboardBenchOptions.Usage : BenchOptions.Usage);
    return 0;
}

BenchOptions options = new();
DashboardBenchOptions dashboardOptions = new();
try
{
    if (command == "dashboard")
        dashboardOptions = DashboardBenchOptions.Parse(args.Skip(1).ToList());
    else if (command is not ("alerts" or "agent" or TelemetryPublisherMain.Command))
        options = BenchOptions.Parse(args.SkipWhile(a => a == "ingest").ToList());
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(command == "dashboard" ? DashboardBenchOptions.Usage : BenchOptions.Usage);
    return 2;
}

// Ctrl-C and SIGTERM cancel the run; the servers are then stopped by PID as the run unwinds.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("bench: stopping");
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

try
{
    if (command == TelemetryPublisherMain.Command)
        return await TelemetryPublisherMain.RunAsync(args[1..], cancel.Token);
    if (command == "dashboard")
        return await DashboardBenchmark.RunAsync(dashboardOptions, cancel.Token);
    if (command == "agent")
        return await SmartPark.Bench.Agent.AgentFootprintBenchmark.RunAsync(args.Skip(1).ToList(), cancel.Token);
    if (command == "alerts")
        return await AlertLatencyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200, cancel.Token);
    return await IngestBenchmark.RunAsync(options, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled");
    return 130;
}
