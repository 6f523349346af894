using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard.Live;

namespace SmartPark.Dashboard.Overview;

/// <summary>
/// Server-side coalescing: every <see cref="DashboardOptions.TileInterval"/> the changed tiles go
/// to their park's group in one message. A browser so gets at most 1/interval updates per tile
/// however fast readings arrive, and the latest state is never more than one interval old.
/// </summary>
public sealed class TilePublisher(DirtyTiles dirty, OverviewBuilder overview, IHubContext<LiveHub> hub, IOptions<DashboardOptions> options, TimeProvider time, ILogger<TilePublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TileInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (park, enterprises) in dirty.Drain())
                {
                    try
                    {
                        var tiles = enterprises.Select(e => overview.Tile(park, e)).ToList();
                        await hub.Clients.Group(LiveHub.GroupOf(park)).SendAsync("tiles", new TilesUpdate(park, tiles, overview.CountBySeverity(park)), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("Tile update for park {Park} failed: {Error}", park, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
