using System.Text.Json;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Contracts.Telemetry;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Rollups;

/// <summary>
/// The InfluxQL that reads a run of windows of one raw measurement, and the line protocol of the
/// rollup points made from its answer. Rollups are recomputed from the stored raw points rather
/// than accumulated from the stream: raw writes are idempotent, so a reading delivered twice, a
/// spool replay or a late reading can never count twice in a rollup.
/// </summary>
/// <remarks>
/// A window's statistics are those of its measured readings (<see cref="DataFlag.IsMeasured"/>):
/// span gas during a calibration or a faulty sensor's stale value must not move an hourly mean
/// that GB 37822 and the bureau's HJ 212 hour data judge. A window with no measured reading at
/// all (a whole minute of calibration) still gets a point, made of all its readings, with
/// <c>measured=0</c>: the bureau is sent the period flagged C rather than a gap. <c>readings</c>
/// counts every reading of the window, so a late unmeasured one still changes the point (the
/// uplink then revises the period, whose flag it may change).
/// </remarks>
public static class RollupQuery
{
    public static readonly string[] SeriesTags = ["park", "enterprise", "device", "sensor"];

    private static readonly string MeasuredOnly =
        "(" + string.Join(" OR ", DataFlag.All.Where(DataFlag.IsMeasured).Select(f => $"\"flag\" = {InfluxQl.String(f)}")) + ")";

    /// <summary>Two statements: the windows' statistics over measured readings, then over all readings.</summary>
    public static string Build(string measurement, RollupPeriod period, long fromMs, long toMs) =>
        Statement(measurement, period, $"{MeasuredOnly} AND time >= {fromMs}ms AND time < {toMs}ms") + ";" +
        Statement(measurement, period, $"time >= {fromMs}ms AND time < {toMs}ms");

    private static string Statement(string measurement, RollupPeriod period, string where) =>
        $"SELECT mean(\"value\") AS \"mean\", min(\"value\") AS \"min\", max(\"value\") AS \"max\", count(\"value\") AS \"count\" " +
        $"FROM {InfluxQl.Identifier(measurement)} WHERE {where} " +
        $"GROUP BY time({period.InfluxDuration}), {string.Join(", ", SeriesTags.Select(InfluxQl.Identifier))} fill(none)";

    /// <summary>Line protocol for the windows of <paramref name="response"/> (the two statements of
    /// <see cref="Build"/>) whose start is in <paramref name="wanted"/>: tags as the raw series, fields
    /// mean, min, max (float), count, measured (integer: count, or 0 when no reading was measured)
    /// and readings (integer: all the window's readings).</summary>
    public static List<string> ToLines(InfluxQueryResponse response, string measurement, RollupPeriod period, IReadOnlySet<long> wanted)
    {
        var measured = Rows(response.Results.FirstOrDefault(r => r.StatementId == 0), wanted);
        var all = Rows(response.Results.FirstOrDefault(r => r.StatementId == 1), wanted);
        var target = period.Measurement(measurement);
        var lines = new List<string>(all.Count);
        foreach (var (key, (any, tags)) in all)
        {
            var (stats, measuredCount) = measured.TryGetValue(key, out var m) ? (m.Stats, m.Stats.Count) : (any, 0L);
            var point = PointData.Measurement(target);
            foreach (var (tag, value) in tags)
                point = point.Tag(tag, value);
            lines.Add(point
                .Field("mean", stats.Mean)
                .Field("min", stats.Min)
                .Field("max", stats.Max)
                .Field("count", stats.Count)
                .Field("measured", measuredCount)
                .Field("readings", any.Count)
                .Timestamp(key.Start, WritePrecision.Ms)
                .ToLineProtocol());
        }
        return lines;
    }

    private readonly record struct WindowStats(double Mean, double Min, double Max, long Count);

    /// <summary>Each series' windows (keyed by its tag values and the window start) with their statistics.</summary>
    private static Dictionary<(string Series, long Start), (WindowStats Stats, List<(string Tag, string Value)> Tags)> Rows(InfluxStatementResult? result, IReadOnlySet<long> wanted)
    {
        var rows = new Dictionary<(string Series, long Start), (WindowStats, List<(string, string)>)>();
        if (result?.Error is { } error)
            throw new InvalidOperationException($"InfluxDB refused the rollup query: {error}");
        foreach (var series in result?.Series ?? [])
        {
            int time = series.ColumnIndex("time"), mean = series.ColumnIndex("mean"), min = series.ColumnIndex("min"),
                max = series.ColumnIndex("max"), count = series.ColumnIndex("count");
            List<(string, string)> tags = [.. SeriesTags
                .Select(tag => (tag, value: series.Tags?.GetValueOrDefault(tag) ?? ""))
                .Where(t => t.value.Length > 0)];
            var seriesKey = string.Join('\u001f', tags.Select(t => t.Item1 + "=" + t.Item2));
            foreach (var row in series.Values)
            {
                // An empty window, or one InfluxDB answers with nulls: nothing to roll up.
                if (row[count].ValueKind != JsonValueKind.Number || row[count].GetInt64() == 0
                    || row[mean].ValueKind != JsonValueKind.Number || row[min].ValueKind != JsonValueKind.Number || row[max].ValueKind != JsonValueKind.Number)
                    continue;
                var start = row[time].GetInt64();
                if (!wanted.Contains(start))
                    continue;
                rows[(seriesKey, start)] = (new WindowStats(row[mean].GetDouble(), row[min].GetDouble(), row[max].GetDouble(), row[count].GetInt64()), tags);
            }
        }
        return rows;
    }
}
