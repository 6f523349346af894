using System.Globalization;
using System.Text;
using SmartPark.Bench.Dashboard;

namespace SmartPark.Bench.Reporting;

/// <summary>The final tables of <c>./smartpark bench dashboard</c>, in Markdown for docs/benchmarks.md.</summary>
internal static class DashboardReport
{
    public static readonly string[] Processes = ["dashboard", "mosquitto", "influxd", "bench", "publishers"];

    /// <summary>The issue's bar for a month of history: it draws in under a second.</summary>
    public const double HistoryTargetMs = 1_000;

    public static string Render(LiveResult? live, IReadOnlyList<HistoryTiming>? history)
    {
        var sb = new StringBuilder();
        if (live is not null)
            RenderLive(sb, live);
        if (history is not null)
            RenderHistory(sb, history);
        return sb.ToString();
    }

    private static void RenderLive(StringBuilder sb, LiveResult r)
    {
        sb.AppendLine();
        sb.AppendLine("Live: MQTT publish → SignalR `readings` at the client");
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| clients (signed in one by one, all in one park's group) | {r.Clients:N0} (sign-in and join: {r.SignInTime.TotalSeconds:0.0} s) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| readings/s asked / acknowledged by the broker | {r.AskedReadingsPerSecond:N0} / {r.AckedReadingsPerSecond:N0} ({r.ReadingsPerMessage} a message) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| batches acknowledged by the broker (publishes failed) | {r.BatchesPublished:N0} ({r.PublishesFailed:N0}) |");
        // The Dashboard coalesces: each device's latest readings go out once per ReadingsInterval,
        // so receipts are far fewer than batches × clients by design, and each receipt's delay is
        // measured from the publish of the newest batch it carries.
        sb.AppendLine(CultureInfo.InvariantCulture, $"| `readings` receipts (coalesced per device) / batches × clients | {r.Receipts:N0} / {r.ReceiptsExpected:N0} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| delay, every batch: p50 / p99 / max | {r.P50Ms:0.0} / {r.P99Ms:0.0} / {r.MaxMs:0.0} ms |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| delay, batches after the first third of the run: p50 / p99 | {r.SteadyP50Ms:0.0} / {r.SteadyP99Ms:0.0} ms |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| publishing / drain after it stopped | {r.Held.TotalSeconds:0.0} s / {r.Drain.TotalSeconds:0.0} s |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| `readings` messages delivered per second, all clients (uncoalesced it would be {r.AskedReadingsPerSecond / r.ReadingsPerMessage * r.Clients:N0}) | {r.ReceiptsPerSecond:N0} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| coalesced `tiles` updates per client | {r.TileUpdatesPerClientPerSecond:0.0}/s |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| hub connections closed during the run | {r.ConnectionsClosed:N0} |");
        foreach (var p in Processes.Where(r.Usage.ContainsKey))
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {p} CPU (mean, % of one core) / peak RSS | {r.Usage[p].MeanCpuPercent:0} % / {ResultReport.Mb(r.Usage[p].PeakRssBytes)} |");
    }

    private static void RenderHistory(StringBuilder sb, IReadOnlyList<HistoryTiming> timings)
    {
        sb.AppendLine();
        sb.AppendLine("History: series API over one sensor with a month of rollups");
        sb.AppendLine("| range | format | resolution | points | size | requests | p50 | p99 | max | under 1 s |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var t in timings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Range} | {t.Format} | {t.Resolution} | {t.Points:N0} | {t.Bytes / 1024.0:N0} KiB | {t.Requests} | {t.P50Ms:0.0} ms | {t.P99Ms:0.0} ms | {t.MaxMs:0.0} ms | {(double.IsNaN(t.P99Ms) ? "-" : t.P99Ms < HistoryTargetMs ? "yes" : "NO")} |");
        }
    }
}
