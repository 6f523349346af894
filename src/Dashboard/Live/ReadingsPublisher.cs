using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace SmartPark.Dashboard.Live;

/// <summary>
/// Server-side coalescing of live readings: every <see cref="DashboardOptions.ReadingsInterval"/>
/// each device's pending update (the readings it sent since the last push) goes to its park's
/// group. A browser so gets at most one readings update per device per interval.
/// </summary>
public sealed class ReadingsPublisher(PendingReadings pending, IHubContext<LiveHub> hub, IOptions<DashboardOptions> options, TimeProvider time, ILogger<ReadingsPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReadingsInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var update in pending.Drain())
                {
                    try
                    {
                        await hub.Clients.Group(LiveHub.GroupOf(update.Park)).SendAsync("readings", update, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("Readings update for {Park}/{Enterprise}/{Device} failed: {Error}", update.Park, update.Enterprise, update.Device, ex.Message);
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
