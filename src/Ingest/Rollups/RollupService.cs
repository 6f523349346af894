using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Rollups;

/// <summary>
/// Keeps the 1-minute and 1-hour rollups (<c>nmhc_1m</c>, <c>nmhc_1h</c>, …: mean, min, max and
/// count per series) in step with the raw points. Every point InfluxDB accepts marks its windows;
/// a window is computed once its wall-clock end plus the grace has passed, and again whenever a
/// late or replayed point lands in it. Done in Ingest with plain InfluxQL over the v1 API, so it
/// works on every InfluxDB generation (1.x continuous queries, 2.x tasks and 3.x have nothing in
/// common). If InfluxDB is down the windows simply stay marked and are computed when it is back.
/// </summary>
public sealed class RollupService : BackgroundService
{
    private readonly InfluxV1Client _influx;
    private readonly RollupOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RollupService> _logger;
    private readonly DirtyWindows _dirty;
    private readonly Counter<long> _windowsWritten;
    private readonly OutageLog _influxOutage;

    public RollupService(InfluxV1Client influx, InfluxBatchWriter writer, IOptions<RollupOptions> options, TimeProvider time, IMeterFactory meters, ILogger<RollupService> logger)
    {
        _influx = influx;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _dirty = new DirtyWindows(_options.StateDirectory);
        _influxOutage = new OutageLog(time, TimeSpan.FromMinutes(1));
        // Subscribed before the writer starts, so no stored point (not even a spool replay) is missed.
        writer.Stored += OnStored;
        var meter = meters.Create(IngestMetrics.MeterName);
        _windowsWritten = meter.CreateCounter<long>("smartpark.ingest.rollups.written", description: "Rollup windows computed and written");
        meter.CreateObservableGauge("smartpark.ingest.rollups.pending", () => _dirty.Count, description: "Rollup windows waiting to be computed");
    }

    public int Pending => _dirty.Count;
    public DateTimeOffset? LastComputed { get; private set; }

    private void OnStored(IReadOnlyList<string> lines)
    {
        var points = new List<(string, long)>(lines.Count);
        foreach (var line in lines)
        {
            if (LineProtocolPeek.TryRead(line, out var measurement, out var ts))
                points.Add((measurement, ts));
        }
        _dirty.Mark(points);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, _time);
        try
        {
            do
            {
                try
                {
                    await ComputeDueAsync(stoppingToken);
                    if (_influxOutage.Succeeded(out var waited))
                        _logger.LogInformation("Rollups resumed after waiting {Waited} for InfluxDB; {Pending} windows pending", waited, _dirty.Count);
                }
                catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    if (_influxOutage.Failed(out var waiting))
                        _logger.LogWarning("Rollups wait for InfluxDB ({Error}, for {Waiting} so far); {Pending} windows pending", ex.Message, waiting, _dirty.Count);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
                {
                    // A rollup that cannot be computed must never stop Ingest: its windows stay marked.
                    _logger.LogError(ex, "Rollup computation failed; {Pending} windows stay pending", _dirty.Count);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // SIGTERM: the pending windows are on disk and are computed after the restart.
        }
    }

    /// <summary>
    /// Computes every due window, one query per run of windows of a measurement and period, and
    /// writes the results of the pass together (in writes of at most <see cref="MaxLinesPerWrite"/>
    /// lines): a reader such as the HJ 212 uplink then sees a batch's minute and hour rollups of
    /// every quantity at once, not NMHC's hour without the temperature's.
    /// </summary>
    public async Task ComputeDueAsync(CancellationToken cancellationToken)
    {
        var due = _dirty.Due(_time.GetUtcNow(), _options.Grace);
        if (due.Count == 0)
            return;
        var lines = new List<string>();
        var computed = new List<(RollupWindow Window, long Generation)>();
        foreach (var group in due.GroupBy(d => (d.Window.Measurement, d.Window.Period)))
        {
            var period = RollupPeriod.All.First(p => p.Suffix == group.Key.Period);
            var length = (long)period.Length.TotalMilliseconds;
            foreach (var run in WindowRuns.Split(group.OrderBy(d => d.Window.StartMs), length, _options.MaxWindowsPerQuery))
            {
                var from = run[0].Window.StartMs;
                var to = run[^1].Window.StartMs + length;
                var response = await _influx.QueryAsync(RollupQuery.Build(group.Key.Measurement, period, from, to), cancellationToken);
                var wanted = run.Select(d => d.Window.StartMs).ToHashSet();
                var runLines = RollupQuery.ToLines(response, group.Key.Measurement, period, wanted);
                lines.AddRange(runLines);
                computed.AddRange(run);
                _logger.LogDebug("Rollup {Measurement}_{Period}: {Windows} windows, {Points} points", group.Key.Measurement, period.Suffix, run.Length, runLines.Count);
                if (lines.Count >= MaxLinesPerWrite)
                    await WriteAsync(lines, computed, cancellationToken);
            }
        }
        await WriteAsync(lines, computed, cancellationToken);
        LastComputed = _time.GetUtcNow();
        if (due.Count > 50)
            _logger.LogInformation("Computed {Windows} rollup windows ({Pending} still pending)", due.Count, _dirty.Count);
    }

    /// <summary>Rollup points per write while a pass catches up on a long replay: bounds memory and request size.</summary>
    private const int MaxLinesPerWrite = 5_000;

    /// <summary>Writes the pass's points so far, then marks their windows done (not before: a failed write leaves them pending).</summary>
    private async Task WriteAsync(List<string> lines, List<(RollupWindow Window, long Generation)> computed, CancellationToken cancellationToken)
    {
        if (lines.Count > 0)
            await _influx.WriteAsync(string.Join('\n', lines), cancellationToken);
        _dirty.Done(computed);
        _windowsWritten.Add(computed.Count);
        lines.Clear();
        computed.Clear();
    }
}
