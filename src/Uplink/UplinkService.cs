using Microsoft.Extensions.Options;
using SmartPark.Platform.Registry;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Points;
using SmartPark.Uplink.Storage;
using SmartPark.Uplink.Telemetry;

namespace SmartPark.Uplink;

/// <summary>
/// Runs a <see cref="PointWorker"/> per monitoring point of the registry in force. When the
/// registry changes, points that are gone or changed stop and the new ones start; the backlog
/// stays in the store, keyed by MN, so a point that comes back finds it again.
/// </summary>
public sealed class UplinkService(
    RegistryProvider registry,
    UplinkStore store,
    PeriodReporter reporter,
    LatestReadings latest,
    PeriodClock clock,
    IOptions<UplinkOptions> options,
    UplinkMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<UplinkService>();
    private readonly Dictionary<string, (PointRuntime Point, CancellationTokenSource Stop, Task Run)> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The points running now, for /healthz and tests.</summary>
    public IReadOnlyList<PointRuntime> Points
    {
        get
        {
            lock (_gate)
                return _running.Values.Select(r => r.Point).ToList();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!registry.IsConfigured)
            _logger.LogWarning("Registry:Path is not set: no monitoring points, nothing to report");
        long seen = -1;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (registry.Version != seen)
                {
                    seen = registry.Version;
                    await ReconcileAsync(stoppingToken);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await StopAllAsync();
    }

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        var wanted = (registry.Current?.MonitoringPoints ?? [])
            .Select(p => PointConfig.From(p, registry.Current, options.Value))
            .ToDictionary(p => p.Mn, StringComparer.Ordinal);
        List<(PointRuntime Point, CancellationTokenSource Stop, Task Run)> stopping;
        lock (_gate)
        {
            stopping = _running.Where(r => !wanted.TryGetValue(r.Key, out var config) || !config.SameAs(r.Value.Point.Config)).Select(r => r.Value).ToList();
            foreach (var s in stopping)
                _running.Remove(s.Point.Config.Mn);
        }
        foreach (var s in stopping)
            await StopAsync(s);
        foreach (var config in wanted.Values)
        {
            lock (_gate)
            {
                if (_running.ContainsKey(config.Mn))
                    continue;
                var point = new PointRuntime(config, store, options.Value, time.GetUtcNow().ToUnixTimeMilliseconds());
                var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var worker = new PointWorker(point, reporter, store, latest, clock, options.Value, metrics, time, loggers.CreateLogger<PointWorker>());
                _running[config.Mn] = (point, stop, Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None));
                _logger.LogInformation("HJ 212 point {Mn} ({Device}): reporting {Pollutants} to {Host}:{Port}, ST={St}, version {Version}",
                    config.Mn, config.Device, string.Join(", ", config.Sources.Select(s => $"{s.Quantity}→{s.Code}")), config.Host, config.Port, config.St, config.Version);
            }
        }
    }

    private async Task StopAllAsync()
    {
        List<(PointRuntime Point, CancellationTokenSource Stop, Task Run)> all;
        lock (_gate)
        {
            all = [.. _running.Values];
            _running.Clear();
        }
        await Task.WhenAll(all.Select(StopAsync));
    }

    private static async Task StopAsync((PointRuntime Point, CancellationTokenSource Stop, Task Run) running)
    {
        await running.Stop.CancelAsync();
        try
        {
            await running.Run;
        }
        catch (OperationCanceledException)
        {
        }
        running.Stop.Dispose();
        running.Point.Dispose();
    }
}
