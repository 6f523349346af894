using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Scenarios;

/// <summary>
/// InfluxDB's direct-write ceiling here: a few concurrent writers post batches of line protocol
/// in Ingest's schema (measurement = quantity; tags park, enterprise, device, sensor; fields
/// value and flag; ms timestamps) straight to <c>/write</c> as fast as influxd answers.
/// </summary>
internal static class InfluxCeiling
{
    public const string Database = "bench_ceiling";
    private const int DevicesPerWriter = 16;

    public static async Task<PhaseResult> RunAsync(InfluxDbServer influx, BenchOptions options, ProcessSampler sampler, CancellationToken cancellationToken)
    {
        var client = influx.Client(Database);
        await client.EnsureDatabaseAsync(cancellationToken);
        Console.WriteLine($"InfluxDB ceiling: {options.InfluxWriters} writers, {options.InfluxWriteBatch} points a write, {options.CeilingDuration.TotalSeconds:0} s");

        long written = 0;
        var origin = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        sampler.BeginWindow();
        var started = Stopwatch.GetTimestamp();
        using var progress = Progress.Every(TimeSpan.FromSeconds(1), elapsed =>
            $"  {elapsed.TotalSeconds,4:0}s  written {Interlocked.Read(ref written),10:N0} points  ({Interlocked.Read(ref written) / Math.Max(elapsed.TotalSeconds, 0.001),9:N0}/s)");
        await Task.WhenAll(Enumerable.Range(0, options.InfluxWriters).Select(w => Task.Run(async () =>
        {
            var next = 0L;
            while (Stopwatch.GetElapsedTime(started) < options.CeilingDuration)
            {
                var body = Batch(w, origin, next, options.InfluxWriteBatch);
                await client.WriteAsync(body, cancellationToken);
                next += options.InfluxWriteBatch;
                Interlocked.Add(ref written, options.InfluxWriteBatch);
            }
        }, cancellationToken)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        progress.Dispose();
        var usage = sampler.Window();

        var stored = await influx.CountAsync(Database, "nmhc", "park = 'ceiling'");
        var rate = written / seconds;
        Console.WriteLine($"  InfluxDB ceiling: {rate:N0} points/s ({written:N0} written, {stored:N0} counted)  [{ResultReport.UsageLine(usage)}]");
        return new PhaseResult("InfluxDB direct write", rate, written, stored, usage);
    }

    /// <summary>Points <paramref name="first"/>… of writer <paramref name="writer"/>: spread over
    /// its devices like Ingest's batches, one millisecond apart within each device's series.</summary>
    private static string Batch(int writer, long origin, long first, int points)
    {
        var sb = new StringBuilder(points * 110);
        for (var i = first; i < first + points; i++)
        {
            var device = i % DevicesPerWriter;
            var ts = origin + (i / DevicesPerWriter);
            sb.Append(CultureInfo.InvariantCulture,
                $"nmhc,device=w{writer}-{device:D2},enterprise=bench,park=ceiling,sensor=voc-1 flag=\"N\",value={1 + (i % 500 / 100.0)} {ts}\n");
        }
        return sb.ToString(0, sb.Length - 1);
    }
}
