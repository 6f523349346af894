using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartPark.Platform.Influx;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The history part: a month of one sensor's data in InfluxDB as Ingest stores it
/// (<see cref="MonthOfRollups"/>), then the Dashboard's series API timed for ranges that read
/// raw points, the 1-minute and the 1-hour rollups, and the CSV export of the month. Timed from
/// request to the last byte of the body, over one signed-in HTTP connection, after one untimed call.
/// </summary>
internal static class HistoryRun
{
    private static readonly (string Label, TimeSpan Range, string Format)[] Cases =
    [
        ("6 h", TimeSpan.FromHours(6), "json"),
        ("3 d", TimeSpan.FromDays(3), "json"),
        ("30 d", TimeSpan.FromDays(30), "json"),
        ("30 d", TimeSpan.FromDays(30), "csv"),
    ];

    public static async Task<IReadOnlyList<HistoryTiming>> RunAsync(InfluxV1Client influx, int brokerPort, Uri dashboard, string user, string password, int requests, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.UtcNow;
        var writing = Stopwatch.GetTimestamp();
        var written = await MonthOfRollups.WriteAsync(influx, end, cancellationToken);
        Console.WriteLine($"history: wrote {string.Join(", ", written.Select(kv => $"{kv.Value:N0} points to {kv.Key}"))} in {Stopwatch.GetElapsedTime(writing).TotalSeconds:0.0} s");

        using var session = await SignedInClient.SignInAsync(dashboard, user, password, cancellationToken);
        var timings = new List<HistoryTiming>();
        foreach (var (label, range, format) in Cases)
        {
            var url = SeriesUrl(end - range, end, format);
            var (resolution, points, bytes) = await FetchAsync(session.Http, url, format, cancellationToken); // untimed: JIT, connection
            var ms = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await FetchAsync(session.Http, url, format, cancellationToken);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            ms.Sort();
            var timing = new HistoryTiming(label, format, resolution, points, bytes, requests, Percentile(ms, 0.5), Percentile(ms, 0.99), ms[^1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label,-5} {format,-4} resolution {resolution,-3} {points,6:N0} points {bytes / 1024.0,8:N0} KiB  p50 {timing.P50Ms,6:0.0} ms  p99 {timing.P99Ms,6:0.0} ms"));
            timings.Add(timing);
        }
        timings.Add(await TimePageAsync(brokerPort, dashboard, user, password, timings.First(t => t.Range == "30 d" && t.Format == "json"), cancellationToken));
        return timings;
    }

    /// <summary>The month drawn by the history page in chromium; a page that cannot be driven here
    /// is reported as such rather than failing the API figures.</summary>
    private static async Task<HistoryTiming> TimePageAsync(int brokerPort, Uri dashboard, string user, string password, HistoryTiming api, CancellationToken cancellationToken)
    {
        const int draws = 10;
        try
        {
            await DeviceAnnouncement.PublishAsync(brokerPort, cancellationToken);
            var ms = await HistoryPageTiming.RunAsync(dashboard, user, password, MonthOfRollups.Park, $"{MonthOfRollups.Enterprise}/{MonthOfRollups.Device}", 30, draws)
                .WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
            return api with { Format = "page (chromium)", Requests = draws, P50Ms = Percentile(ms, 0.5), P99Ms = Percentile(ms, 0.99), MaxMs = ms[^1] };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"  30 d  page (chromium): not timed: {ex.Message.Split('\n')[0]}");
            return api with { Format = "page (chromium): not timed", Requests = 0, P50Ms = double.NaN, P99Ms = double.NaN, MaxMs = double.NaN };
        }
    }

    private static string SeriesUrl(DateTimeOffset from, DateTimeOffset to, string format) =>
        $"api/parks/{MonthOfRollups.Park}/devices/{MonthOfRollups.Enterprise}/{MonthOfRollups.Device}/series?quantity={MonthOfRollups.Quantity}&sensor={MonthOfRollups.Sensor}"
        + $"&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}"
        + (format == "csv" ? "&format=csv" : "");

    /// <summary>GETs the whole body; the resolution and point count come from the JSON, or the CSV's rows.</summary>
    private static async Task<(string Resolution, int Points, long Bytes)> FetchAsync(HttpClient http, string url, string format, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        if (format == "csv")
        {
            var rows = body.Count(b => b == (byte)'\n') - 1;
            var text = System.Text.Encoding.UTF8.GetString(body);
            var secondLine = text.Split("\r\n").Skip(1).FirstOrDefault() ?? "";
            var fields = secondLine.Split(',');
            return (fields.Length > 7 ? fields[7] : "?", rows, body.Length);
        }
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("resolution").GetString() ?? "?", json.RootElement.GetProperty("points").GetArrayLength(), body.Length);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
