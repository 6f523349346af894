using System.Globalization;
using System.Text;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Scenarios;

namespace SmartPark.Bench.Reporting;

/// <summary>The bench's final figures: every step, then the summary the targets are judged on.</summary>
internal static class ResultReport
{
    /// <summary>Processes in the order they are reported.</summary>
    public static readonly string[] Processes = ["ingest", "influxd", "mosquitto", "bench"];

    /// <summary>Batch 10 must sustain at least this share of InfluxDB's direct-write ceiling.</summary>
    public const double Batch10Target = 0.5;

    /// <summary>Batch 1 must sustain at least this share of the broker's ceiling.</summary>
    public const double Batch1Target = 0.9;

    public const long RssTargetBytes = 300L * 1024 * 1024;

    public static string UsageLine(IReadOnlyDictionary<string, ProcessUsage> usage) => UsageLine(usage, Processes);

    public static string UsageLine(IReadOnlyDictionary<string, ProcessUsage> usage, IEnumerable<string> processes) =>
        string.Join("  ", processes.Where(usage.ContainsKey).Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p} {usage[p].MeanCpuPercent:0}% {Mb(usage[p].PeakRssBytes)}")));

    public static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0} MB");

    /// <summary>The highest acknowledged rate of a passing step, if any passed.</summary>
    public static StepResult? BestPassing(IEnumerable<StepResult> steps) =>
        steps.Where(s => s.Passed).MaxBy(s => s.AchievedReadingsPerSecond);

    public static string Render(PhaseResult influx, PhaseResult broker, IReadOnlyList<StepResult> steps, long ingestPeakRss)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("Steps (CPU: mean % of one core over the step; RSS: peak)");
        sb.AppendLine("| batch | step | target msg/s | acked msg/s | readings/s | stored / acked | backlog at end | drain | result | ingest CPU | influxd CPU | mosquitto CPU | bench CPU | ingest RSS |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var s in steps)
        {
            string Cpu(string p) => s.Usage.TryGetValue(p, out var u) ? $"{u.MeanCpuPercent:0}%" : "-";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Batch} | {s.Step} | {s.TargetMessagesPerSecond:N0} | {s.AchievedMessagesPerSecond:N0} | {s.AchievedReadingsPerSecond:N0} | {s.ReadingsStored:N0} / {s.ReadingsAcked:N0} | {s.BacklogAtEnd:N0} | {s.Drain.TotalSeconds:0.0} s | {s.Verdict} | {Cpu("ingest")} | {Cpu("influxd")} | {Cpu("mosquitto")} | {Cpu("bench")} | {(s.Usage.TryGetValue("ingest", out var i) ? Mb(i.PeakRssBytes) : "-")} |");
        }

        var b10 = BestPassing(steps.Where(s => s.Batch == 10));
        var b1 = BestPassing(steps.Where(s => s.Batch == 1));
        sb.AppendLine();
        sb.AppendLine("Summary");
        sb.AppendLine("| figure | value | vs ceiling | target | met |");
        sb.AppendLine("|---|---:|---:|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| InfluxDB direct-write ceiling | {influx.Rate:N0} points/s | | | |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| Broker QoS 1 ceiling (1 plain subscriber) | {broker.Rate:N0} msg/s | | | |");
        if (steps.Any(s => s.Batch == 10))
        {
            var share = (b10?.AchievedReadingsPerSecond ?? 0) / influx.Rate;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| Full path lossless, batch 10 | {b10?.AchievedReadingsPerSecond ?? 0:N0} readings/s ({b10?.AchievedMessagesPerSecond ?? 0:N0} msg/s) | {share:P0} of InfluxDB | ≥ {Batch10Target:P0} | {(share >= Batch10Target ? "yes" : "NO")} |");
        }
        if (steps.Any(s => s.Batch == 1))
        {
            var share = (b1?.AchievedMessagesPerSecond ?? 0) / broker.Rate;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| Full path lossless, batch 1 | {b1?.AchievedMessagesPerSecond ?? 0:N0} msg/s | {share:P0} of broker | ≥ {Batch1Target:P0} | {(share >= Batch1Target ? "yes" : "NO")} |");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"| Ingest peak RSS, whole run (overload steps included) | {Mb(ingestPeakRss)} | | < {Mb(RssTargetBytes)} | {(ingestPeakRss < RssTargetBytes ? "yes" : "NO")} |");
        var sustained = steps.Where(s => s.Passed && s.Usage.ContainsKey("ingest")).Select(s => s.Usage["ingest"].PeakRssBytes).DefaultIfEmpty().Max();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| Ingest peak RSS, passing steps only | {Mb(sustained)} | | < {Mb(RssTargetBytes)} | {(sustained < RssTargetBytes ? "yes" : "NO")} |");
        var lost = steps.Sum(s => s.Lost);
        sb.AppendLine(lost == 0 ? "No step lost data." : $"DATA LOST: {lost:N0} acknowledged readings are not in InfluxDB.");
        return sb.ToString();
    }
    /// <summary>The device-fleet phase as a table row of its own.</summary>
    public static string RenderFleet(Scenarios.DeviceFleetRun.Result fleet)
    {
        var l = fleet.Load;
        var sb = new StringBuilder();
        sb.AppendLine("Device fleet (one MQTT connection per device, the simulator's load generator)");
        sb.AppendLine("| devices connected | readings/s while holding | stored / acked | drain | result | ingest CPU | influxd CPU | mosquitto CPU | bench CPU | ingest RSS |");
        sb.AppendLine("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        string Cpu(string p) => fleet.Usage.TryGetValue(p, out var u) ? string.Create(CultureInfo.InvariantCulture, $"{u.MeanCpuPercent:0}%") : "";
        var rss = fleet.Usage.TryGetValue("ingest", out var i) ? Mb(i.PeakRssBytes) : "";
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {l.PeakConnected:N0} / {l.Devices:N0} | {l.HoldReadingsPerSecond:N0} | {fleet.ReadingsStored:N0} / {fleet.ReadingsAcked:N0} | {fleet.Drain.TotalSeconds:0.0} s | {(fleet.Lost == 0 ? "ok" : "LOST")} | {Cpu("ingest")} | {Cpu("influxd")} | {Cpu("mosquitto")} | {Cpu("bench")} | {rss} |"));
        return sb.ToString();
    }
}
