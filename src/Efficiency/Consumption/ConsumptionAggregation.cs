using SmartPark.Contracts.Consumption;

namespace SmartPark.Efficiency.Consumption;

/// <summary>
/// Hours, days, months and years of consumption from the finer periods inside them
/// (<see cref="ConsumptionSeries.Periods"/>: each is the sum of the one before it). Days, months
/// and years are those of China Standard Time (<see cref="ConsumptionSeries.PeriodStart"/>).
/// </summary>
public static class ConsumptionAggregation
{
    /// <summary>
    /// One amount per <paramref name="period"/> holding any of <paramref name="parts"/>: use and
    /// readings summed, flags united, coverage weighted by time (a part that is missing counts as
    /// uncovered, so a day with readings for only six hours has coverage 0.25).
    /// </summary>
    public static IReadOnlyList<ConsumptionAmount> Sum(ConsumptionPeriod period, IEnumerable<ConsumptionAmount> parts) =>
        [.. parts
            .GroupBy(p => ConsumptionSeries.PeriodStart(period, p.Start))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var end = ConsumptionSeries.PeriodEnd(period, g.Key);
                var length = (end - g.Key).Ticks;
                var covered = g.Sum(p => p.Coverage * (p.End - p.Start).Ticks);
                return new ConsumptionAmount(
                    g.Key,
                    end,
                    Math.Max(0, g.Sum(p => p.Use)),
                    Math.Clamp(covered / length, 0, 1),
                    ConsumptionAmount.Canonical(g.SelectMany(p => p.Flags)),
                    g.Sum(p => p.Readings));
            })];
}
