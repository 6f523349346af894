using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Emissions;

/// <summary>
/// Reads what the emissions view shows from Ingest's hourly rollups (<c>nox_converted_1h</c>,
/// <c>cod_1h</c>, <c>cod_rate_1h</c>: mean, min, max, measured, readings) and, for the hours' data
/// flags, the raw readings' <c>flag</c> field. Every value in a query goes through
/// <see cref="InfluxQl"/>; the sources come from the registry, never from the request.
/// </summary>
public sealed class EmissionReader(InfluxV1Client influx)
{
    /// <summary>How far back the latest hourly value is looked for: an older one is not "now".</summary>
    public static readonly TimeSpan LatestWithin = TimeSpan.FromDays(7);

    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private static readonly string[] SeriesTags = ["park", "enterprise", "device", "sensor"];

    /// <summary>The latest hourly mean of each source's judged quantity, keyed by source: one statement per quantity, every park at once.</summary>
    public async Task<IReadOnlyDictionary<EmissionSource, (DateTimeOffset Hour, double Value, bool Flagged)>> LatestAsync(
        IReadOnlyList<EmissionSource> sources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<EmissionSource, (DateTimeOffset, double, bool)>();
        if (sources.Count == 0)
            return latest;
        var measurements = sources.Select(s => s.Shown.Name).Distinct(StringComparer.Ordinal).ToList();
        var parks = "(" + string.Join(" OR ", sources.Select(s => s.Park).Distinct(StringComparer.Ordinal).Select(p => $"\"park\" = {InfluxQl.String(p)}")) + ")";
        var query = string.Join(';', measurements.Select(m =>
            $"SELECT \"mean\", \"measured\", \"readings\" FROM {InfluxQl.Identifier(m + "_1h")} WHERE {parks} AND time >= {InfluxQl.Time(now - LatestWithin)} " +
            $"GROUP BY {string.Join(", ", SeriesTags.Select(InfluxQl.Identifier))} ORDER BY time DESC LIMIT 1"));
        var response = await influx.QueryAsync(query, cancellationToken);
        var byKey = sources.ToLookup(s => (s.Shown.Name, s.Park, s.Enterprise, s.Device, s.Sensor));
        foreach (var result in response.Results)
        {
            if (result.StatementId >= measurements.Count)
                continue;
            var measurement = measurements[result.StatementId];
            foreach (var series in result.Series ?? [])
            {
                string Tag(string t) => series.Tags?.GetValueOrDefault(t) ?? "";
                int time = series.ColumnIndex("time"), mean = series.ColumnIndex("mean");
                int measured = series.ColumnIndexOrNone("measured"), readings = series.ColumnIndexOrNone("readings");
                var row = series.Values.FirstOrDefault();
                if (row is null || row[mean].ValueKind != JsonValueKind.Number)
                    continue;
                var flagged = Number(row, measured) is { } m && Number(row, readings) is { } n && m * 4 < n * 3;
                foreach (var source in byKey[(measurement, Tag("park"), Tag("enterprise"), Tag("device"), Tag("sensor"))])
                    latest[source] = (DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()), row[mean].GetDouble(), flagged);
            }
        }
        return latest;
    }

    /// <summary>
    /// The hourly means of the source's judged quantity in [<paramref name="from"/>, <paramref name="to"/>)
    /// with each hour's flag, and the daily emitted mass from the rate's hourly means over the China
    /// Standard Time days from <paramref name="firstDay"/>: one request of several statements.
    /// </summary>
    public async Task<(IReadOnlyList<HourValue> Hours, IReadOnlyList<DayLoad> Days)> SeriesAsync(
        EmissionSource source, DateTimeOffset from, DateTimeOffset to, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var series = string.Join(" AND ", SeriesTags.Select(t => $"{InfluxQl.Identifier(t)} = {InfluxQl.String(TagOf(source, t))}"));
        var range = $"time >= {InfluxQl.Time(from)} AND time < {InfluxQl.Time(to)}";
        var flags = DataFlag.All.Where(f => f != DataFlag.Normal).ToList();
        var query = new StringBuilder();
        query.Append(CultureInfo.InvariantCulture, $"SELECT \"mean\", \"min\", \"max\", \"count\", \"readings\" FROM {InfluxQl.Identifier(source.Shown.Name + "_1h")} WHERE {series} AND {range}");
        foreach (var flag in flags)
        {
            query.Append(CultureInfo.InvariantCulture,
                $";SELECT count(\"value\") AS \"count\" FROM {InfluxQl.Identifier(source.Shown.Name)} WHERE {series} AND \"flag\" = {InfluxQl.String(flag)} AND {range} GROUP BY time(1h) fill(none)");
        }
        var dayFrom = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
        if (source.Rate is { } rate)
            query.Append(CultureInfo.InvariantCulture, $";SELECT \"mean\" FROM {InfluxQl.Identifier(rate.Name + "_1h")} WHERE {series} AND time >= {InfluxQl.Time(dayFrom)} AND time < {InfluxQl.Time(to)}");
        var response = await influx.QueryAsync(query.ToString(), cancellationToken);
        var results = response.Results.ToDictionary(r => r.StatementId);

        // Readings per flag per hour (apart from N), to flag the hours.
        var counts = new Dictionary<long, Dictionary<string, long>>();
        for (var i = 0; i < flags.Count; i++)
        {
            foreach (var s in results.GetValueOrDefault(i + 1)?.Series ?? [])
            {
                int time = s.ColumnIndex("time"), count = s.ColumnIndex("count");
                foreach (var row in s.Values)
                {
                    if (Number(row, count) is not { } n || n <= 0)
                        continue;
                    var hour = row[time].GetInt64();
                    if (!counts.TryGetValue(hour, out var byFlag))
                        counts[hour] = byFlag = new Dictionary<string, long>(StringComparer.Ordinal);
                    byFlag[flags[i]] = n;
                }
            }
        }

        var hours = new List<HourValue>();
        foreach (var s in results.GetValueOrDefault(0)?.Series ?? [])
        {
            int time = s.ColumnIndex("time"), mean = s.ColumnIndex("mean"), min = s.ColumnIndexOrNone("min"), max = s.ColumnIndexOrNone("max");
            int count = s.ColumnIndexOrNone("count"), readings = s.ColumnIndexOrNone("readings");
            foreach (var row in s.Values)
            {
                if (row[mean].ValueKind != JsonValueKind.Number)
                    continue;
                var start = row[time].GetInt64();
                // Rollups from before 'readings' existed count every reading in 'count'.
                var all = Number(row, readings) ?? Number(row, count) ?? 0;
                var flag = counts.TryGetValue(start, out var byFlag) ? HourFlags.Of(byFlag, all) : DataFlag.Normal;
                hours.Add(new HourValue(DateTimeOffset.FromUnixTimeMilliseconds(start), row[mean].GetDouble(), Double(row, min), Double(row, max), flag));
            }
        }
        hours.Sort((a, b) => a.Ts.CompareTo(b.Ts));

        var days = new SortedDictionary<DateOnly, (double Kg, int Hours)>();
        for (var day = firstDay; day <= DateOnly.FromDateTime(to.ToOffset(ChinaStandardTime).DateTime); day = day.AddDays(1))
            days[day] = (0, 0);
        if (source.Rate is not null)
        {
            foreach (var s in results.GetValueOrDefault(flags.Count + 1)?.Series ?? [])
            {
                int time = s.ColumnIndex("time"), mean = s.ColumnIndex("mean");
                foreach (var row in s.Values)
                {
                    if (Double(row, mean) is not { } kgPerHour)
                        continue;
                    var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()).ToOffset(ChinaStandardTime).DateTime);
                    if (days.TryGetValue(day, out var sum))
                        days[day] = (sum.Kg + kgPerHour, sum.Hours + 1); // a mean rate in kg/h over one hour is that many kg
                }
            }
        }
        IReadOnlyList<DayLoad> loads = source.Rate is null ? [] : [.. days.Select(d => new DayLoad(d.Key, Math.Round(d.Value.Kg, 3), d.Value.Hours))];
        return (hours, loads);
    }

    public static LimitView? View(RuleLimit? rule) =>
        rule?.Limit is { } limit ? new LimitView(rule.RuleId, rule.Title, limit, rule.Unit, rule.Source, rule.Averaging, rule.Enterprise is not null || rule.Device is not null) : null;

    private static string TagOf(EmissionSource s, string tag) => tag switch
    {
        "park" => s.Park,
        "enterprise" => s.Enterprise,
        "device" => s.Device,
        _ => s.Sensor,
    };

    private static long? Number(IReadOnlyList<JsonElement> row, int column) =>
        column >= 0 && row[column].ValueKind == JsonValueKind.Number ? (long)row[column].GetDouble() : null;

    private static double? Double(IReadOnlyList<JsonElement> row, int column) =>
        column >= 0 && row[column].ValueKind == JsonValueKind.Number ? row[column].GetDouble() : null;
}
