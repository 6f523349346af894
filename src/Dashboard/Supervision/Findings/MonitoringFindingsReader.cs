using System.Text.Json;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Supervision.Findings;

/// <summary>What monitoring found at one park over a period.</summary>
public sealed record ParkFindings(string Park, int EmissionExceedances, int ShutDownDrawingPower, int FireAlarms, IReadOnlyList<DeviceDowntime> Downtime)
{
    public double DowntimeHours => Downtime.Sum(d => d.Hours);

    public static ParkFindings None(string park) => new(park, 0, 0, 0, []);
}

/// <summary>
/// "What monitoring found over a period" for a set of parks, from the alert transitions Ingest
/// stores in InfluxDB's <c>alert_event</c> (device status is not stored there: offline time comes
/// from the device-offline alert's transitions). Alerts raised count each <c>active</c> transition,
/// as the bureau view does: an alert that clears and returns is a second exceedance. The caller
/// decides which parks; this class never widens them.
/// </summary>
public sealed class MonitoringFindingsReader(InfluxV1Client influx)
{
    public async Task<IReadOnlyDictionary<string, ParkFindings>> ReadAsync(IReadOnlyCollection<string> parks, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var result = parks.Distinct(StringComparer.Ordinal).ToDictionary(p => p, ParkFindings.None, StringComparer.Ordinal);
        if (result.Count == 0 || until <= from)
            return result;
        var inParks = "(" + string.Join(" OR ", result.Keys.Select(p => $"park = {InfluxQl.String(p)}")) + ")";
        var period = $"time >= {InfluxQl.Time(from)} AND time < {InfluxQl.Time(until)}";
        var offlineRule = $"rule = {InfluxQl.String(FindingKinds.DeviceOfflineRule)}";
        // Four statements in one request: raised alerts of every rule, of the bureau's rules, the
        // offline alert's transitions in the period, and its last state before the period.
        var query = string.Join("; ",
            $"SELECT count(\"alert_id\") FROM alert_event WHERE {period} AND state = 'active' AND {inParks} GROUP BY park, rule, kind",
            $"SELECT count(\"alert_id\") FROM alert_event WHERE {period} AND state = 'active' AND bureau = true AND {inParks} GROUP BY park, rule, kind",
            $"SELECT \"alert_id\" FROM alert_event WHERE {period} AND {offlineRule} AND state != 'reminder' AND {inParks} GROUP BY park, enterprise, device, state",
            $"SELECT last(\"alert_id\") FROM alert_event WHERE time < {InfluxQl.Time(from)} AND {offlineRule} AND state != 'reminder' AND {inParks} GROUP BY park, enterprise, device, state");
        var response = await influx.QueryAsync(query, cancellationToken);
        var statements = response.Results.OrderBy(r => r.StatementId).ToList();
        var all = Counts(statements, 0);
        var bureau = Counts(statements, 1);

        var emission = new Dictionary<string, int>(StringComparer.Ordinal);
        var shutDown = new Dictionary<string, int>(StringComparer.Ordinal);
        var fire = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((park, rule, kind), count) in all)
        {
            var isBureau = bureau.TryGetValue((park, rule, kind), out var bureauCount);
            var target = FindingKinds.Of(rule, kind, isBureau) switch
            {
                FindingKinds.EmissionExceedance => emission,
                FindingKinds.ShutDownDrawingPower => shutDown,
                FindingKinds.FireAlarm => fire,
                _ => null,
            };
            if (target is not null)
                target[park] = target.GetValueOrDefault(park) + (target == emission ? bureauCount : count);
        }

        var downtime = Downtime(statements, from, until);
        foreach (var park in result.Keys.ToList())
        {
            result[park] = new ParkFindings(park, emission.GetValueOrDefault(park), shutDown.GetValueOrDefault(park), fire.GetValueOrDefault(park),
                [.. downtime.Where(d => d.Park == park).OrderBy(d => d.Enterprise, StringComparer.Ordinal).ThenBy(d => d.Device, StringComparer.Ordinal)]);
        }
        return result;
    }

    private static Dictionary<(string Park, string Rule, string Kind), int> Counts(List<InfluxStatementResult> statements, int index)
    {
        var counts = new Dictionary<(string, string, string), int>();
        foreach (var series in SeriesOf(statements, index))
        {
            var column = series.ColumnIndex("count");
            var count = series.Values.Sum(row => row[column].ValueKind == JsonValueKind.Number ? row[column].GetInt32() : 0);
            counts[(Tag(series, "park"), Tag(series, "rule"), Tag(series, "kind"))] = count;
        }
        return counts;
    }

    private static List<DeviceDowntime> Downtime(List<InfluxStatementResult> statements, DateTimeOffset from, DateTimeOffset until)
    {
        var transitions = new Dictionary<(string Park, string Enterprise, string Device), List<OfflineTransition>>();
        foreach (var series in SeriesOf(statements, 2))
        {
            var key = (Tag(series, "park"), Tag(series, "enterprise"), Tag(series, "device"));
            var state = Tag(series, "state");
            var time = series.ColumnIndex("time");
            if (!transitions.TryGetValue(key, out var list))
                transitions[key] = list = [];
            list.AddRange(series.Values.Select(row => new OfflineTransition(DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()), state)));
        }
        // The state each device was in when the period began: its last transition before it.
        var before = new Dictionary<(string Park, string Enterprise, string Device), OfflineTransition>();
        foreach (var series in SeriesOf(statements, 3))
        {
            var key = (Tag(series, "park"), Tag(series, "enterprise"), Tag(series, "device"));
            var time = series.ColumnIndex("time");
            foreach (var row in series.Values)
            {
                var last = new OfflineTransition(DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()), Tag(series, "state"));
                if (!before.TryGetValue(key, out var known) || last.At > known.At)
                    before[key] = last;
            }
        }
        var devices = transitions.Keys.Concat(before.Where(b => DowntimeCalculator.IsOffline(b.Value.State)).Select(b => b.Key)).Distinct();
        var rows = new List<DeviceDowntime>();
        foreach (var key in devices)
        {
            var offlineAtStart = before.TryGetValue(key, out var last) && DowntimeCalculator.IsOffline(last.State);
            var (offline, outages) = DowntimeCalculator.Compute(offlineAtStart, transitions.GetValueOrDefault(key) ?? [], from, until);
            if (outages > 0)
                rows.Add(new DeviceDowntime(key.Park, key.Enterprise.Length == 0 ? null : key.Enterprise, key.Device, Math.Round(offline.TotalHours, 2), outages));
        }
        return rows;
    }

    private static IEnumerable<InfluxSeries> SeriesOf(List<InfluxStatementResult> statements, int index) =>
        statements.FirstOrDefault(s => s.StatementId == index)?.Series ?? [];

    private static string Tag(InfluxSeries series, string tag) => series.Tags?.GetValueOrDefault(tag) ?? "";
}
