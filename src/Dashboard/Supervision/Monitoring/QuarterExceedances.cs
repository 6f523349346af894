using SmartPark.Contracts.Quantities;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Supervision.Monitoring;

/// <summary>
/// Emission exceedances since a moment, per park: alerts of bureau rules on an air or water
/// pollutant (NMHC, TVOC, particulates, NOx and its converted value, COD, ammonia nitrogen, pH…)
/// that became active, from <c>alert_event</c>. Not the process conditions (a night-time discharge
/// flow, the treatment meters' power): those alerts are findings of their own, not exceedances. One query for any
/// number of parks. Kept in this one class so that the quarterly report's findings can use the
/// same definition.
/// </summary>
public sealed class QuarterExceedances(InfluxV1Client influx)
{
    private static readonly string[] EmissionQuantities =
        [.. QuantityCatalogue.All.Where(q => q.Kind is QuantityKind.Emission or QuantityKind.Water).Select(q => q.Name)];

    /// <summary>The query itself (tests and the report read it).</summary>
    public static string Query(IReadOnlyCollection<string> parks, DateTimeOffset since) =>
        "SELECT count(\"seq\") FROM alert_event WHERE " +
        $"time >= {InfluxQl.Time(since)} AND state = 'active' AND bureau = true AND " +
        "(" + string.Join(" OR ", EmissionQuantities.Select(q => $"quantity = {InfluxQl.String(q)}")) + ") AND " +
        "(" + string.Join(" OR ", parks.Select(p => $"park = {InfluxQl.String(p)}")) + ") GROUP BY park";

    /// <summary>Exceedances per park (every park asked for is in the answer, zero when none); null when the history is unavailable.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> CountByParkAsync(IReadOnlyCollection<string> parks, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = parks.Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => 0, StringComparer.Ordinal);
        if (counts.Count == 0)
            return counts;
        try
        {
            var response = await influx.QueryAsync(Query(counts.Keys, since), cancellationToken);
            foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
            {
                if (series.Tags?.GetValueOrDefault("park") is not { } park || !counts.ContainsKey(park))
                    continue;
                var count = series.ColumnIndex("count");
                counts[park] = series.Values.Sum(row => row[count].TryGetInt32(out var n) ? n : 0);
            }
            return counts;
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The supervision views still show everything else; the figure says "unknown".
            return null;
        }
    }
}
