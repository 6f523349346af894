using SmartPark.Contracts.Consumption;
using SmartPark.Dashboard.Efficiency.Consumption;

namespace SmartPark.Dashboard.Efficiency.LoadProfile;

/// <summary>
/// One quarter hour of an enterprise's electricity load profile. <see cref="Kwh"/> is null when no
/// meter reported the interval: a trader must see the hole, not a zero that looks like a stop.
/// </summary>
public sealed record LoadInterval(DateTimeOffset Start, DateTimeOffset End, double? Kwh, double Coverage, IReadOnlyList<string> Flags)
{
    /// <summary>The mean power over the quarter hour: the energy of 15 minutes × 4.</summary>
    public double? AverageKw => Kwh * 4;
}

/// <summary>
/// Lays the stored quarter hours (<c>energy_use_15m</c>) over every quarter hour of a range of
/// China Standard Time days, so the profile has exactly 96 rows a day whatever was reported.
/// </summary>
public static class LoadProfileBuilder
{
    /// <summary>The flag of an interval no meter reported (not one of Ingest's <see cref="ConsumptionFlag"/>s: there is no point to carry one).</summary>
    public const string NotReported = "missing";

    /// <summary>The first instant of <paramref name="day"/> in China Standard Time.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ConsumptionSeries.CalendarOffset).ToUniversalTime();

    public static IReadOnlyList<LoadInterval> Build(DateTimeOffset from, DateTimeOffset to, IEnumerable<ConsumptionPoint> points)
    {
        var byStart = points.ToDictionary(p => p.Start);
        var intervals = new List<LoadInterval>();
        for (var start = from; start < to; start = ConsumptionSeries.PeriodEnd(ConsumptionSeries.QuarterHour, start))
        {
            var end = ConsumptionSeries.PeriodEnd(ConsumptionSeries.QuarterHour, start);
            intervals.Add(byStart.TryGetValue(start, out var p)
                ? new LoadInterval(start, end, p.Use, p.Coverage, p.Flags)
                : new LoadInterval(start, end, null, 0, [NotReported]));
        }
        return intervals;
    }
}
