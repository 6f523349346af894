using System.Globalization;

namespace SmartPark.Bench.Servers;

/// <summary>The few Ingest counters the bench follows, read from Prometheus text.</summary>
internal sealed record IngestCounters(double PointsWritten, double PointsSpooled, double BatchesAccepted, double BatchesRejected, double Writes, double WriteMilliseconds)
{
    /// <summary>InfluxDB writes and their mean duration between two readings.</summary>
    public static (double Writes, double MeanMilliseconds) WritesBetween(IngestCounters before, IngestCounters after)
    {
        var writes = after.Writes - before.Writes;
        return (writes, writes <= 0 ? 0 : (after.WriteMilliseconds - before.WriteMilliseconds) / writes);
    }

    public static IngestCounters Parse(string prometheus)
    {
        double Sum(string name)
        {
            var total = 0.0;
            foreach (var line in prometheus.AsSpan().EnumerateLines())
            {
                // "name{labels} value [timestamp]" or "name value [timestamp]"
                if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || (line[name.Length] != ' ' && line[name.Length] != '{'))
                    continue;
                var close = line.LastIndexOf('}');
                var rest = (close >= 0 ? line[(close + 1)..] : line[name.Length..]).Trim();
                var end = rest.IndexOf(' ');
                var value = end < 0 ? rest : rest[..end];
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    total += v;
            }
            return total;
        }

        return new(
            Sum("smartpark_ingest_points_written_total"),
            Sum("smartpark_ingest_points_spooled_total"),
            Sum("smartpark_ingest_batches_accepted_total"),
            Sum("smartpark_ingest_batches_rejected_total"),
            Sum("smartpark_ingest_influx_write_duration_milliseconds_count"),
            Sum("smartpark_ingest_influx_write_duration_milliseconds_sum"));
    }
}
