using System.Globalization;
using System.Text;
using System.Text.Json;
using SmartPark.Contracts.Telemetry;
using SmartPark.Platform.Influx;
using SmartPark.Uplink.Points;

namespace SmartPark.Uplink.Data;

/// <summary>
/// Reads a point's periods from InfluxDB: values from Ingest's rollups (<c>nmhc_1m</c> for minute
/// data, <c>nmhc_1h</c> for hours and days: mean, min, max, count per window) and flags from the
/// raw readings' <c>flag</c> field, counted per 1-minute window and folded by <see cref="FlagRule"/>.
/// A minute period longer than one minute combines its 1-minute rows (the mean weighted by count),
/// and a day its hours, taking only windows of measured readings when it has any (see
/// <c>RollupQuery</c> in Ingest: calibration and fault values stay out of the bureau's averages).
/// </summary>
public sealed class RollupReader(InfluxV1Client influx, PeriodClock clock)
{
    private const long HourMs = 3_600_000;

    /// <summary>Stats per period start and pollutant code for the periods in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public async Task<SortedDictionary<long, Dictionary<string, PeriodStats>>> ReadStatsAsync(
        PointConfig point, PeriodKind kind, int minInterval, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var length = PeriodClock.Length(kind, minInterval);
        var suffix = kind == PeriodKind.Minute ? "_1m" : "_1h";
        // A rollup window's length in hours: what its mean (a rate in kg/h, a flow) is multiplied by for a total.
        var windowHours = kind == PeriodKind.Minute ? 1.0 / 60 : 1.0;
        var query = string.Join(';', point.Series.Select(s =>
            $"SELECT \"mean\", \"min\", \"max\", \"count\", \"measured\", \"readings\" FROM {InfluxQl.Identifier(s.Quantity + suffix)} WHERE {Series(point, s.Sensor)} AND time >= {fromMs}ms AND time < {toMs}ms"));
        var response = await influx.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        // Per period and code: the rollup windows made of measured readings, and the others.
        var sums = new SortedDictionary<long, Dictionary<string, (Aggregate Measured, Aggregate Other)>>();
        foreach (var result in response.Results)
        {
            if (result.StatementId >= point.Series.Count)
                continue;
            var code = point.Series[result.StatementId].Key;
            foreach (var series in result.Series ?? [])
            {
                int time = series.ColumnIndex("time"), mean = series.ColumnIndexOrNone("mean"), min = series.ColumnIndexOrNone("min"),
                    max = series.ColumnIndexOrNone("max"), count = series.ColumnIndexOrNone("count"), measured = series.ColumnIndexOrNone("measured"),
                    readings = series.ColumnIndexOrNone("readings");
                if (mean < 0 || min < 0 || max < 0 || count < 0)
                    continue;
                foreach (var row in series.Values)
                {
                    if (!IsNumber(row[mean]) || !IsNumber(row[min]) || !IsNumber(row[max]) || !IsNumber(row[count]) || row[count].GetInt64() <= 0)
                        continue;
                    var start = clock.Floor(row[time].GetInt64(), length);
                    if (!sums.TryGetValue(start, out var period))
                        sums[start] = period = [];
                    var n = row[count].GetInt64();
                    // Rollups written before 'readings' and 'measured' existed were made of all their
                    // readings: their count is every reading, and they count as measured.
                    var all = readings >= 0 && IsNumber(row[readings]) ? row[readings].GetInt64() : n;
                    var window = new Aggregate(row[mean].GetDouble() * n, row[min].GetDouble(), row[max].GetDouble(), n, all, row[mean].GetDouble() * windowHours);
                    var isMeasured = measured < 0 || !IsNumber(row[measured]) || row[measured].GetInt64() > 0;
                    var had = period.GetValueOrDefault(code);
                    period[code] = isMeasured ? (had.Measured.Add(window), had.Other) : (had.Measured, had.Other.Add(window));
                }
            }
        }
        // A period's values are those of its measured windows; only a period with none at all
        // (calibration throughout) is reported from the rest, and its flag says so.
        var stats = new SortedDictionary<long, Dictionary<string, PeriodStats>>();
        foreach (var (start, period) in sums)
        {
            stats[start] = period.ToDictionary(p => p.Key, p =>
                (p.Value.Measured.Count > 0 ? p.Value.Measured : p.Value.Other).ToStats(p.Value.Measured.Readings + p.Value.Other.Readings));
        }
        return stats;
    }

    /// <summary><paramref name="Integral"/>: Σ window mean × window length in hours (the day's sum of its hours, for a total).</summary>
    private readonly record struct Aggregate(double Sum, double Min, double Max, long Count, long Readings, double Integral)
    {
        public Aggregate Add(Aggregate other) => Count == 0
            ? other
            : new(Sum + other.Sum, Math.Min(Min, other.Min), Math.Max(Max, other.Max), Count + other.Count, Readings + other.Readings, Integral + other.Integral);

        public PeriodStats ToStats(long readings) => new(Sum / Count, Min, Max, Count, readings) { Integral = Integral };
    }

    /// <summary>The data flag per (period start, pollutant code) for the periods in the range, from the raw readings' flags.</summary>
    public async Task<Dictionary<(long Start, string Code), string>> ReadFlagsAsync(
        PointConfig point, PeriodKind kind, int minInterval, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var flags = DataFlag.All;
        var query = new StringBuilder();
        foreach (var source in point.Sources)
        {
            foreach (var flag in flags)
            {
                if (query.Length > 0)
                    query.Append(';');
                query.Append(CultureInfo.InvariantCulture,
                    $"SELECT count(\"value\") AS \"count\" FROM {InfluxQl.Identifier(source.Quantity)} WHERE {Series(point, source.Sensor)} AND \"flag\" = {InfluxQl.String(flag)} AND time >= {fromMs}ms AND time < {toMs}ms GROUP BY time(1m) fill(none)");
            }
        }
        var response = await influx.QueryAsync(query.ToString(), cancellationToken).ConfigureAwait(false);
        // (code, 1-minute window) → readings per flag
        var windows = new Dictionary<(string Code, long Window), Dictionary<string, long>>();
        foreach (var result in response.Results)
        {
            var source = result.StatementId / flags.Count;
            if (source >= point.Sources.Count)
                continue;
            var flag = flags[result.StatementId % flags.Count];
            foreach (var series in result.Series ?? [])
            {
                int time = series.ColumnIndex("time"), count = series.ColumnIndexOrNone("count");
                if (count < 0)
                    continue;
                foreach (var row in series.Values)
                {
                    if (!IsNumber(row[count]) || row[count].GetInt64() <= 0)
                        continue;
                    var key = (point.Sources[source].Code, row[time].GetInt64());
                    if (!windows.TryGetValue(key, out var counts))
                        windows[key] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
                    counts[flag] = counts.GetValueOrDefault(flag) + row[count].GetInt64();
                }
            }
        }
        return Fold(windows, kind, PeriodClock.Length(kind, minInterval));
    }

    private Dictionary<(long Start, string Code), string> Fold(Dictionary<(string Code, long Window), Dictionary<string, long>> windows, PeriodKind kind, long length)
    {
        var result = new Dictionary<(long Start, string Code), string>();
        foreach (var period in windows.GroupBy(w => (Start: clock.Floor(w.Key.Window, length), w.Key.Code)))
        {
            result[period.Key] = kind switch
            {
                // Minute data: the readings of the whole interval.
                PeriodKind.Minute => FlagRule.Of(Sum(period.Select(w => w.Value))),
                // Hourly: the minute values of the hour.
                PeriodKind.Hour => FlagRule.OfFlags(period.Select(w => FlagRule.Of(w.Value))),
                // Daily: the hours of the day, each from its minute values.
                _ => FlagRule.OfFlags(period.GroupBy(w => clock.Floor(w.Key.Window, HourMs))
                    .Select(hour => FlagRule.OfFlags(hour.Select(w => FlagRule.Of(w.Value))))),
            };
        }
        return result;
    }

    private static Dictionary<string, long> Sum(IEnumerable<Dictionary<string, long>> counts)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            foreach (var (flag, n) in c)
                total[flag] = total.GetValueOrDefault(flag) + n;
        }
        return total;
    }

    /// <summary>
    /// Each treatment facility's run time per local day in [<paramref name="fromMs"/>, <paramref name="toMs"/>): the
    /// 1-minute windows of its meter's <c>power_1m</c> whose mean is above its idle load, in hours (a minute
    /// either ran or did not). The basis counts the windows, so late readings revise the day.
    /// </summary>
    public async Task<SortedDictionary<long, (IReadOnlyList<(string Facility, double Hours)> Hours, string Basis)>> ReadRunTimesAsync(
        PointConfig point, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var meters = point.Facilities.ToList();
        var query = string.Join(';', meters.Select(m =>
            $"SELECT \"mean\" FROM {InfluxQl.Identifier(Contracts.Quantities.QuantityCatalogue.Power.Name + "_1m")} WHERE {Series(m.Device, m.Sensor)} AND time >= {fromMs}ms AND time < {toMs}ms"));
        var result = new SortedDictionary<long, (IReadOnlyList<(string, double)>, string)>();
        if (meters.Count == 0)
            return result;
        var response = await influx.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        // day → facility → (running minutes, minutes with data)
        var days = new SortedDictionary<long, SortedDictionary<string, (long Running, long Windows)>>();
        foreach (var statement in response.Results)
        {
            if (statement.StatementId >= meters.Count)
                continue;
            var meter = meters[statement.StatementId];
            foreach (var series in statement.Series ?? [])
            {
                int time = series.ColumnIndex("time"), mean = series.ColumnIndexOrNone("mean");
                if (mean < 0)
                    continue;
                foreach (var row in series.Values)
                {
                    if (!IsNumber(row[mean]))
                        continue;
                    var day = clock.Floor(row[time].GetInt64(), DayMs);
                    if (!days.TryGetValue(day, out var facilities))
                        days[day] = facilities = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
                    var had = facilities.GetValueOrDefault(meter.Facility!);
                    facilities[meter.Facility!] = (had.Running + (row[mean].GetDouble() > meter.IdleLoad ? 1 : 0), had.Windows + 1);
                }
            }
        }
        foreach (var (day, facilities) in days)
        {
            var hours = meters.Where(m => facilities.ContainsKey(m.Facility!)).Select(m => (m.Facility!, facilities[m.Facility!].Running / 60.0)).ToList();
            var basis = string.Join(';', facilities.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}:{f.Value.Running}:{f.Value.Windows}")));
            result[day] = (hours, basis);
        }
        return result;
    }

    private const long DayMs = 86_400_000;

    private static string Series(PointConfig point, string sensor) => Series(point.Device, sensor);

    public static string Series(Contracts.Topics.DeviceAddress device, string sensor) =>
        $"\"park\" = {InfluxQl.String(device.Park)} AND \"enterprise\" = {InfluxQl.String(device.Enterprise)} AND \"device\" = {InfluxQl.String(device.Device)} AND \"sensor\" = {InfluxQl.String(sensor)}";

    private static bool IsNumber(JsonElement value) => value.ValueKind == JsonValueKind.Number;
}
