using System.Globalization;
using SmartPark.Platform.Influx;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// A month of one sensor's data stored the way Ingest stores it: raw points (measurement =
/// quantity; tags park, enterprise, device, sensor; fields value and flag) for the last 6 hours at
/// one a second, and its rollups <c>nmhc_1m</c> and <c>nmhc_1h</c> (same tags; fields mean, min,
/// max as floats and count as an integer, timestamped at the window start) for 31 days.
/// </summary>
internal static class MonthOfRollups
{
    public const string Park = "bench-history";
    public const string Enterprise = "bench";
    public const string Device = "hist-001";
    public const string Sensor = "voc-00";
    public const string Quantity = "nmhc";
    private const int Batch = 5_000;

    public static readonly TimeSpan Span = TimeSpan.FromDays(31);
    public static readonly TimeSpan RawSpan = TimeSpan.FromHours(6);

    /// <summary>Writes the data ending at <paramref name="end"/>; returns the points written per measurement.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(InfluxV1Client influx, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await influx.EnsureDatabaseAsync(cancellationToken);
        var endMs = end.ToUnixTimeMilliseconds();
        var counts = new Dictionary<string, int>
        {
            [Quantity] = await WriteSeriesAsync(influx, Quantity, endMs, (long)RawSpan.TotalMilliseconds, 1_000, RawLine, cancellationToken),
            [Quantity + "_1m"] = await WriteSeriesAsync(influx, Quantity + "_1m", endMs, (long)Span.TotalMilliseconds, 60_000, RollupLine(60), cancellationToken),
            [Quantity + "_1h"] = await WriteSeriesAsync(influx, Quantity + "_1h", endMs, (long)Span.TotalMilliseconds, 3_600_000, RollupLine(3_600), cancellationToken),
        };
        return counts;
    }

    private static async Task<int> WriteSeriesAsync(InfluxV1Client influx, string measurement, long endMs, long spanMs, long stepMs,
        Func<string, long, string> line, CancellationToken cancellationToken)
    {
        var first = endMs - spanMs - ((endMs - spanMs) % stepMs);
        var lines = new List<string>(Batch);
        var written = 0;
        for (var t = first; t < endMs; t += stepMs)
        {
            lines.Add(line(measurement, t));
            if (lines.Count == Batch)
            {
                await influx.WriteAsync(lines, cancellationToken);
                written += lines.Count;
                lines.Clear();
            }
        }
        if (lines.Count > 0)
            await influx.WriteAsync(lines, cancellationToken);
        return written + lines.Count;
    }

    private const string Tags = $"park={Park},enterprise={Enterprise},device={Device},sensor={Sensor}";

    /// <summary>A daily swing, so the chart has a shape and min/max differ from the mean.</summary>
    private static double Value(long ms) => 2 + Math.Sin(ms / 86_400_000.0 * 2 * Math.PI);

    private static string RawLine(string measurement, long ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{measurement},{Tags} value={Value(ms):0.###},flag=\"N\" {ms}");

    /// <summary>A rollup window's line, as if it held one raw reading a second.</summary>
    private static Func<string, long, string> RollupLine(int count) => (measurement, ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{measurement},{Tags} mean={Value(ms):0.###},min={Value(ms) - 0.2:0.###},max={Value(ms) + 0.2:0.###},count={count}i {ms}");
}
