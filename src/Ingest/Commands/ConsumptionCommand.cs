using System.Globalization;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Consumption;
using SmartPark.Ingest.Consumption;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Commands;

/// <summary>
/// <c>consumption rebuild --from 2026-01-01 --to 2027-01-01 [--park P] [--Influx:Url=… settings as the service]</c>:
/// recomputes the stored consumption of every counting quantity over the span, printing progress
/// a day at a time. A date is a China Standard Time midnight (the calendar of the stored days);
/// a full timestamp needs its offset. Used after a meter replacement is recorded for the past,
/// and to fill the consumption of backfilled readings. Runs beside a live Ingest safely: both
/// write the same points.
/// </summary>
public static class ConsumptionCommand
{
    private const string Usage = "usage: consumption rebuild --from DATE --to DATE [--park PARK] [--Setting=value ...]   (DATE: 2026-01-01 or 2026-01-01T00:00:00+08:00)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is not ["rebuild", .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        DateTimeOffset? from = null, to = null;
        string? park = null;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--from" when i + 1 < rest.Length && TryParse(rest[i + 1], out var f):
                    from = f;
                    i++;
                    break;
                case "--to" when i + 1 < rest.Length && TryParse(rest[i + 1], out var t):
                    to = t;
                    i++;
                    break;
                case "--park" when i + 1 < rest.Length && rest[i + 1].Length > 0:
                    park = rest[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
                    settings.Add(setting);
                    break;
                default:
                    await error.WriteLineAsync($"consumption: '{rest[i]}' not understood\n{Usage}");
                    return 2;
            }
        }
        if (from is not { } start || to is not { } end || end <= start)
        {
            await error.WriteLineAsync($"consumption: --from and --to are required, --from before --to\n{Usage}");
            return 2;
        }

        // The service's own configuration and parts (InfluxDB, registry, options), without running
        // it: nothing else of Ingest (broker, spool, writer) is created, so it cannot disturb a running one.
        await using var app = IngestApp.Build([.. settings]);
        var registry = app.Services.GetRequiredService<RegistryProvider>();
        await registry.StartAsync(cancellationToken);
        try
        {
            var options = app.Services.GetRequiredService<IOptions<ConsumptionOptions>>().Value;
            var computation = new ConsumptionComputation(app.Services.GetRequiredService<InfluxV1Client>(), registry, options);
            await output.WriteLineAsync($"Rebuilding consumption {start:yyyy-MM-dd HH:mm zzz} .. {end:yyyy-MM-dd HH:mm zzz} for {park ?? "every park"}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var progress = new SynchronousProgress(p => output.WriteLine(
                $"{p.Quantity,-13} {p.From.ToOffset(ConsumptionSeries.CalendarOffset):yyyy-MM-dd HH:mm} .. {p.To.ToOffset(ConsumptionSeries.CalendarOffset):yyyy-MM-dd HH:mm}  {p.Written.Series} series  {p.Written.QuarterHours} quarter hours  {p.Written.Points} points"));
            var written = await ConsumptionRebuild.RunAsync(computation, options.MaxWindowsPerQuery, start, end, park, progress, cancellationToken);
            await output.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:0.0} s: {written.QuarterHours} quarter hours, {written.Points} points written");
            return 0;
        }
        finally
        {
            await registry.StopAsync(CancellationToken.None);
        }
    }

    private static bool TryParse(string text, out DateTimeOffset at)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ConsumptionSeries.CalendarOffset);
            return true;
        }
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ConsumptionRebuildProgress> report) : IProgress<ConsumptionRebuildProgress>
    {
        public void Report(ConsumptionRebuildProgress value) => report(value);
    }
}
