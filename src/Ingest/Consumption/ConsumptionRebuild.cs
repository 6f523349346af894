using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;

namespace SmartPark.Ingest.Consumption;

/// <summary>One step of a rebuild: a quantity's span and what it wrote.</summary>
public sealed record ConsumptionRebuildProgress(string Quantity, DateTimeOffset From, DateTimeOffset To, ConsumptionWritten Written);

/// <summary>
/// Recomputes every counting quantity's consumption over a span, <c>MaxWindowsPerQuery</c> quarter
/// hours (a day) at a time: after a replacement was recorded for the past, or to fill the stored
/// consumption of backfilled readings. Idempotent: rebuilding a span already computed writes the same points.
/// A null park rebuilds every park.
/// </summary>
public static class ConsumptionRebuild
{
    public static async Task<ConsumptionWritten> RunAsync(ConsumptionComputation computation, int windowsPerStep, DateTimeOffset from, DateTimeOffset to,
        string? park, IProgress<ConsumptionRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var start = ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, from);
        var last = ConsumptionSeries.PeriodEnd(ConsumptionSeries.QuarterHour, ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, to - TimeSpan.FromTicks(1)));
        var step = TimeSpan.FromMinutes(15 * windowsPerStep);
        int series = 0, quarterHours = 0, points = 0;
        foreach (var quantity in QuantityCatalogue.Counters)
        {
            for (var at = start; at < last; at += step)
            {
                var end = at + step < last ? at + step : last;
                var written = await computation.ComputeAsync(quantity.Name, at, end, park, cancellationToken);
                series = Math.Max(series, written.Series);
                quarterHours += written.QuarterHours;
                points += written.Points;
                progress?.Report(new ConsumptionRebuildProgress(quantity.Name, at, end, written));
            }
        }
        return new ConsumptionWritten(series, quarterHours, points);
    }
}
