using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Ingest.Rollups;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Consumption;

/// <summary>
/// Keeps the stored consumption (<see cref="ConsumptionSeries"/>: <c>energy_use_15m</c> … <c>_1y</c>,
/// likewise gas, steam and water) in step with the counters' raw readings. Every stored reading of a
/// counting quantity marks its quarter hour; once the quarter hour's end plus the grace has passed
/// it is computed (<see cref="ConsumptionComputation"/>), and again whenever a late or replayed
/// reading lands in it. The marks are on disk (<see cref="DirtyWindows"/>, as the rollups'), so
/// SIGTERM or a crash loses none; if InfluxDB is down they stay marked until it is back.
/// <see cref="RebuildAsync"/> recomputes a whole span (after a replacement recorded late, or a backfill).
/// </summary>
public sealed class ConsumptionService : BackgroundService
{
    /// <summary>The only window consumption is marked and computed by; coarser periods follow from it.</summary>
    private static readonly RollupPeriod QuarterHour = new(ConsumptionSeries.QuarterHour.Suffix, TimeSpan.FromMinutes(15));

    private static readonly HashSet<string> Counters = [.. QuantityCatalogue.Counters.Select(q => q.Name)];

    private readonly ConsumptionComputation _computation;
    private readonly ConsumptionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsumptionService> _logger;
    private readonly DirtyWindows _dirty;
    private readonly Counter<long> _windowsWritten;
    private readonly OutageLog _influxOutage;
    private readonly RegistryProvider _registry;
    private readonly RecordedReplacements _replacements;
    // One computation at a time: the live pass and a rebuild would otherwise write the same periods at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ConsumptionService(InfluxV1Client influx, InfluxBatchWriter writer, RegistryProvider registry, IOptions<ConsumptionOptions> options,
        TimeProvider time, IMeterFactory meters, ILogger<ConsumptionService> logger)
    {
        _options = options.Value;
        _computation = new ConsumptionComputation(influx, registry, _options);
        _time = time;
        _logger = logger;
        _dirty = new DirtyWindows(_options.StateDirectory, [QuarterHour], "dirty-quarter-hours.json");
        _registry = registry;
        _replacements = new RecordedReplacements(_options.StateDirectory);
        _influxOutage = new OutageLog(time, TimeSpan.FromMinutes(1));
        // Subscribed before the writer starts, so no stored reading (not even a spool replay) is missed.
        writer.Stored += OnStored;
        var meter = meters.Create(IngestMetrics.MeterName);
        _windowsWritten = meter.CreateCounter<long>("smartpark.ingest.consumption.written", description: "Consumption quarter hours computed and written (each with its hour, day, month and year)");
        meter.CreateObservableGauge("smartpark.ingest.consumption.pending", () => _dirty.Count, description: "Consumption quarter hours waiting to be computed");
    }

    public int Pending => _dirty.Count;
    public DateTimeOffset? LastComputed { get; private set; }

    private void OnStored(IReadOnlyList<string> lines)
    {
        List<(string, long)>? points = null;
        foreach (var line in lines)
        {
            if (LineProtocolPeek.TryRead(line, out var measurement, out var ts) && Counters.Contains(measurement))
                (points ??= []).Add((measurement, ts));
        }
        if (points is not null)
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
                    MarkRecordedReplacements();
                    await ComputeDueAsync(stoppingToken);
                    if (_influxOutage.Succeeded(out var waited))
                        _logger.LogInformation("Consumption resumed after waiting {Waited} for InfluxDB; {Pending} quarter hours pending", waited, _dirty.Count);
                }
                catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    if (_influxOutage.Failed(out var waiting))
                        _logger.LogWarning("Consumption waits for InfluxDB ({Error}, for {Waiting} so far); {Pending} quarter hours pending", ex.Message, waiting, _dirty.Count);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
                {
                    // Consumption that cannot be computed must never stop Ingest: its quarter hours stay marked.
                    _logger.LogError(ex, "Consumption computation failed; {Pending} quarter hours stay pending", _dirty.Count);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // SIGTERM: the pending quarter hours are on disk and are computed after the restart.
        }
    }

    /// <summary>
    /// Marks the quarter hours around every replacement recorded or deleted since the registry last
    /// moved, <see cref="ConsumptionOptions.ReplacementSpan"/> either side (the readings around a
    /// swap are rarely further apart), so they are recomputed with it on the next pass.
    /// </summary>
    public void MarkRecordedReplacements()
    {
        var changes = _replacements.Changes(_registry.Current, _registry.Version, out var current);
        if (changes.Count == 0)
        {
            _replacements.Acknowledge(current);
            return;
        }
        var step = (long)QuarterHour.Length.TotalMilliseconds;
        var span = (long)_options.ReplacementSpan.TotalMilliseconds;
        var points = new List<(string, long)>();
        foreach (var (quantity, at) in changes)
        {
            var ms = at.ToUnixTimeMilliseconds();
            for (var t = ms - span; t <= ms + span; t += step)
                points.Add((quantity, t));
        }
        _dirty.Mark(points);
        _replacements.Acknowledge(current);
        _logger.LogInformation("{Count} meter replacements recorded or removed: their quarter hours are recomputed", changes.Count);
    }

    /// <summary>Computes every due quarter hour, one computation per run of a quantity's quarter hours;
    /// a run is marked done only once written, so a failure leaves it pending.</summary>
    public async Task ComputeDueAsync(CancellationToken cancellationToken)
    {
        var due = _dirty.Due(_time.GetUtcNow(), _options.Grace);
        if (due.Count == 0)
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var length = (long)QuarterHour.Length.TotalMilliseconds;
            foreach (var group in due.GroupBy(d => d.Window.Measurement))
            {
                foreach (var run in WindowRuns.Split(group.OrderBy(d => d.Window.StartMs), length, _options.MaxWindowsPerQuery))
                {
                    var from = DateTimeOffset.FromUnixTimeMilliseconds(run[0].Window.StartMs);
                    var to = DateTimeOffset.FromUnixTimeMilliseconds(run[^1].Window.StartMs + length);
                    var written = await _computation.ComputeAsync(group.Key, from, to, park: null, cancellationToken);
                    _dirty.Done(run);
                    _windowsWritten.Add(written.QuarterHours);
                    _logger.LogDebug("Consumption {Quantity} {From:o}..{To:o}: {Series} series, {QuarterHours} quarter hours, {Points} points",
                        group.Key, from, to, written.Series, written.QuarterHours, written.Points);
                }
            }
            LastComputed = _time.GetUtcNow();
            if (due.Count > 50)
                _logger.LogInformation("Computed consumption of {Windows} quarter hours ({Pending} still pending)", due.Count, _dirty.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Recomputes [<paramref name="from"/>, <paramref name="to"/>) for every park or just
    /// <paramref name="park"/> (<see cref="ConsumptionRebuild"/>), never at once with a live pass.</summary>
    public async Task<ConsumptionWritten> RebuildAsync(DateTimeOffset from, DateTimeOffset to, string? park, IProgress<ConsumptionRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        ConsumptionWritten written;
        try
        {
            written = await ConsumptionRebuild.RunAsync(_computation, _options.MaxWindowsPerQuery, from, to, park, progress, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        _windowsWritten.Add(written.QuarterHours);
        _logger.LogInformation("Rebuilt consumption {From:o}..{To:o} ({Park}): {QuarterHours} quarter hours, {Points} points written",
            from, to, park ?? "all parks", written.QuarterHours, written.Points);
        return written;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
