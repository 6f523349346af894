using System.Text.Json;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Rollups;

/// <summary>
/// The InfluxQL that reads a run of windows of one raw measurement, and the line protocol of the
/// rollup points made from its answer. Rollups are recomputed from the stored raw points rather
/// than accumulated from the stream: raw writes are idempotent, so a reading delivered twice, a
/// spool replay or a late reading can never count twice in a rollup.
/// </summary>
public static class RollupQuery
{
    public static readonly string[] SeriesTags = ["park", "enterprise", "device", "sensor"];

    public static string Build(string measurement, RollupPeriod period, long fromMs, long toMs) =>
        $"SELECT mean(\"value\") AS \"mean\", min(\"value\") AS \"min\", max(\"value\") AS \"max\", count(\"value\") AS \"count\" " +
        $"FROM {InfluxQl.Identifier(measurement)} " +
        $"WHERE time >= {fromMs}ms AND time < {toMs}ms " +
        $"GROUP BY time({period.InfluxDuration}), {string.Join(", ", SeriesTags.Select(InfluxQl.Identifier))} fill(none)";

    /// <summary>Line protocol for the rows of <paramref name="response"/> whose window start is in
    /// <paramref name="wanted"/>: tags as the raw series, fields mean, min, max (float) and count (integer).</summary>
    public static List<string> ToLines(InfluxQueryResponse response, string measurement, RollupPeriod period, IReadOnlySet<long> wanted)
    {
        var lines = new List<string>();
        var target = period.Measurement(measurement);
        foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
        {
            int time = series.ColumnIndex("time"), mean = series.ColumnIndex("mean"), min = series.ColumnIndex("min"),
                max = series.ColumnIndex("max"), count = series.ColumnIndex("count");
            foreach (var row in series.Values)
            {
                // An empty window, or one InfluxDB answers with nulls: nothing to roll up.
                if (row[count].ValueKind != JsonValueKind.Number || row[count].GetInt64() == 0
                    || row[mean].ValueKind != JsonValueKind.Number || row[min].ValueKind != JsonValueKind.Number || row[max].ValueKind != JsonValueKind.Number)
                    continue;
                var start = row[time].GetInt64();
                if (!wanted.Contains(start))
                    continue;
                var point = PointData.Measurement(target);
                foreach (var tag in SeriesTags)
                {
                    if (series.Tags?.TryGetValue(tag, out var value) == true && value.Length > 0)
                        point = point.Tag(tag, value);
                }
                lines.Add(point
                    .Field("mean", row[mean].GetDouble())
                    .Field("min", row[min].GetDouble())
                    .Field("max", row[max].GetDouble())
                    .Field("count", row[count].GetInt64())
                    .Timestamp(start, WritePrecision.Ms)
                    .ToLineProtocol());
            }
        }
        return lines;
    }
}
