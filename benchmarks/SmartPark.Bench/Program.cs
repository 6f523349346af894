using System.Runtime.InteropServices;
using SmartPark.Bench;

// ./smartpark bench ingest [options]: see BenchOptions.Usage.
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args.SkipWhile(a => a == "ingest").ToList());
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
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
    return await IngestBenchmark.RunAsync(options, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled");
    return 130;
}
