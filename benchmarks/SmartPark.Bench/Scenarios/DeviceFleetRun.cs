using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.Simulator.Load;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Scenarios;

/// <summary>
/// The full path as a park produces it: many devices, each with its own MQTT connection, driven by
/// the park simulator's load generator (<c>simulate load</c>), rather than the ramps' 16 fast
/// publishers. Every reading the broker acknowledged must be counted in InfluxDB.
/// </summary>
internal static class DeviceFleetRun
{
    public const string Park = "fleet";

    public sealed record Result(LoadSummary Load, long ReadingsAcked, long ReadingsStored, TimeSpan Drain, IReadOnlyDictionary<string, ProcessUsage> Usage)
    {
        public long Lost => ReadingsAcked - ReadingsStored;
    }

    public static async Task<Result> RunAsync(InfluxDbServer influx, string database, int brokerPort, ProcessSampler sampler, BenchOptions options, CancellationToken cancellationToken, string park = Park)
    {
        var load = new LoadOptions
        {
            Devices = options.FleetDevices,
            Sensors = options.FleetSensors,
            Rate = options.FleetRate,
            Ramp = TimeSpan.FromSeconds(Math.Max(5, options.FleetDevices / 100.0)),
            Hold = options.Hold,
            Port = brokerPort,
            Park = park,
            Prefix = park,
            ProgressEvery = TimeSpan.FromSeconds(2),
        };
        Console.WriteLine($"Device fleet: {load.Devices:N0} devices (one MQTT connection each, simulate load), {load.Sensors} readings a batch, " +
            $"{load.Rate} batches/s each = {load.Devices * load.Sensors * load.Rate:N0} readings/s asked, hold {load.Hold.TotalSeconds:0} s");
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = null; }).SetMinimumLevel(LogLevel.Information));
        sampler.BeginWindow();
        var summary = await new LoadRun(load, loggers.CreateLogger("fleet")).RunAsync(cancellationToken);
        var usage = sampler.Window();
        var acked = summary.Acknowledged * load.Sensors;

        // Bounded wait for Ingest to store the rest, measured from the last publish.
        var started = Stopwatch.GetTimestamp();
        long stored;
        do
        {
            stored = await influx.CountAsync(database, "temperature", $"park = '{park}'");
            if (stored >= acked)
                break;
            await Task.Delay(500, cancellationToken);
        }
        while (Stopwatch.GetElapsedTime(started) < options.MaxDrain);
        var result = new Result(summary, acked, stored, Stopwatch.GetElapsedTime(started), usage);
        Console.WriteLine($"   → {summary.PeakConnected:N0}/{load.Devices:N0} connected ({summary.ConnectFailures} failed), {summary.HoldReadingsPerSecond:N0} readings/s while holding, " +
            $"{stored:N0}/{acked:N0} readings stored, drained in {result.Drain.TotalSeconds:0.0} s: {(result.Lost == 0 ? "ok" : $"LOST {result.Lost:N0}")}; [{ResultReport.UsageLine(usage)}]");
        return result;
    }
}
