using System.Text.Json;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Efficiency.Consumption;

/// <summary>
/// Reads the stored consumption (<see cref="ConsumptionSeries"/>: <c>energy_use_1mo</c>, …) that
/// Ingest computes from the meters' registers; never the raw readings, so a year of a district is
/// a few thousand points. The one reader of it for the efficiency page, the load profile, the
/// tiles and the quarterly report. Callers decide access first: the reader takes park ids it is
/// given and filters on them in the query.
/// </summary>
public sealed class ConsumptionReader(InfluxV1Client influx)
{
    /// <summary>Parks per query: keeps the WHERE clause of a city's parks within InfluxDB's limits.</summary>
    private const int ParksPerQuery = 50;

    /// <summary>
    /// Each enterprise's total over [<paramref name="from"/>, <paramref name="to"/>) in the given
    /// parks, read from the coarsest stored period that tiles the range (a calendar year reads
    /// <c>_1y</c>, a quarter <c>_1mo</c>, a week <c>_1d</c>).
    /// </summary>
    public async Task<IReadOnlyList<ConsumptionTotal>> TotalsAsync(IReadOnlyCollection<string> parks, Quantity quantity, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Check(quantity, from, to);
        var period = CoarsestTiling(from, to);
        var rangeSeconds = (to - from).TotalSeconds;
        var meters = new Dictionary<(string Park, string Enterprise, string Meter), MeterTotal>();
        foreach (var chunk in parks.Distinct(StringComparer.Ordinal).Chunk(ParksPerQuery))
        {
            foreach (var row in await ReadAsync(chunk, null, quantity, period, from, to, cancellationToken))
            {
                var key = (row.Park, row.Enterprise, row.Device + "/" + row.Sensor);
                var total = meters.TryGetValue(key, out var t) ? t : new MeterTotal();
                total.Use += row.Use;
                total.CoveredSeconds += row.Coverage * (ConsumptionSeries.PeriodEnd(period, row.Start) - row.Start).TotalSeconds;
                total.Flags.UnionWith(row.Flags);
                meters[key] = total;
            }
        }
        return [.. meters
            .GroupBy(m => (m.Key.Park, m.Key.Enterprise))
            .OrderBy(g => g.Key.Park, StringComparer.Ordinal).ThenBy(g => g.Key.Enterprise, StringComparer.Ordinal)
            .Select(g => new ConsumptionTotal(
                g.Key.Park,
                g.Key.Enterprise,
                quantity.Name,
                g.Sum(m => m.Value.Use),
                g.Average(m => Math.Clamp(m.Value.CoveredSeconds / rangeSeconds, 0, 1)),
                [.. ConsumptionFlag.All.Where(f => g.Any(m => m.Value.Flags.Contains(f)))],
                g.Count()))];
    }

    /// <summary>
    /// The consumption of a park (or one enterprise of it, <paramref name="enterprise"/>) period by
    /// period over [<paramref name="from"/>, <paramref name="to"/>), every meter summed into each
    /// period; periods no meter reported are absent, not zero (a gap is not a stop).
    /// </summary>
    public async Task<IReadOnlyList<ConsumptionPoint>> SeriesAsync(string park, string? enterprise, Quantity quantity, ConsumptionPeriod period, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Check(quantity, from, to);
        var rows = await ReadAsync([park], enterprise, quantity, period, from, to, cancellationToken);
        return [.. rows
            .GroupBy(r => r.Start)
            .OrderBy(g => g.Key)
            .Select(g => new ConsumptionPoint(
                g.Key,
                g.Sum(r => r.Use),
                g.Average(r => r.Coverage),
                [.. ConsumptionFlag.All.Where(f => g.Any(r => r.Flags.Contains(f)))]))];
    }

    /// <summary>The coarsest period whose boundaries both ends of the range sit on (15 minutes at worst: callers align to it).</summary>
    public static ConsumptionPeriod CoarsestTiling(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var period in ConsumptionSeries.Periods.Reverse())
        {
            if (ConsumptionSeries.PeriodStart(period, from) == from && ConsumptionSeries.PeriodStart(period, to) == to)
                return period;
        }
        throw new ArgumentException($"The range {from:O}..{to:O} does not start and end on quarter hours.");
    }

    private static void Check(Quantity quantity, DateTimeOffset from, DateTimeOffset to)
    {
        if (!quantity.IsCounter)
            throw new ArgumentException($"'{quantity.Name}' is not a counting quantity; its consumption is not stored.", nameof(quantity));
        if (to <= from)
            throw new ArgumentException("The range must end after it starts.", nameof(to));
    }

    private sealed class MeterTotal
    {
        public double Use;
        public double CoveredSeconds;
        public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Row(string Park, string Enterprise, string Device, string Sensor, DateTimeOffset Start, double Use, double Coverage, IReadOnlyList<string> Flags);

    private async Task<List<Row>> ReadAsync(IReadOnlyCollection<string> parks, string? enterprise, Quantity quantity, ConsumptionPeriod period, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        if (parks.Count == 0)
            return rows;
        var where = "(" + string.Join(" OR ", parks.Select(p => $"park = {InfluxQl.String(p)}")) + ")"
            + (enterprise is null ? "" : $" AND enterprise = {InfluxQl.String(enterprise)}")
            + $" AND time >= {InfluxQl.Time(from)} AND time < {InfluxQl.Time(to)}";
        var query = $"SELECT {InfluxQl.Identifier(ConsumptionSeries.UseField)}, {InfluxQl.Identifier(ConsumptionSeries.CoverageField)}, {InfluxQl.Identifier(ConsumptionSeries.FlagsField)} "
            + $"FROM {InfluxQl.Identifier(ConsumptionSeries.Measurement(quantity.Name, period))} WHERE {where} GROUP BY park, enterprise, device, sensor";
        var response = await influx.QueryAsync(query, cancellationToken);
        foreach (var result in response.Results)
        {
            if (result.Error is { } error)
                throw new InvalidOperationException($"InfluxDB refused the consumption query: {error}");
            foreach (var series in result.Series ?? [])
            {
                int time = series.ColumnIndex("time"), use = series.ColumnIndex(ConsumptionSeries.UseField),
                    coverage = series.ColumnIndexOrNone(ConsumptionSeries.CoverageField), flags = series.ColumnIndexOrNone(ConsumptionSeries.FlagsField);
                string Tag(string name) => series.Tags?.GetValueOrDefault(name) ?? "";
                foreach (var value in series.Values)
                {
                    if (value[use].ValueKind != JsonValueKind.Number)
                        continue;
                    rows.Add(new Row(
                        Tag("park"), Tag("enterprise"), Tag("device"), Tag("sensor"),
                        DateTimeOffset.FromUnixTimeMilliseconds(value[time].GetInt64()),
                        Math.Max(0, value[use].GetDouble()),
                        coverage >= 0 && value[coverage].ValueKind == JsonValueKind.Number ? Math.Clamp(value[coverage].GetDouble(), 0, 1) : 1,
                        flags >= 0 && value[flags].ValueKind == JsonValueKind.String
                            ? value[flags].GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            : []));
                }
            }
        }
        return rows;
    }
}
