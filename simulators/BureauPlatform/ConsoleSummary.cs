using Microsoft.Extensions.Options;

namespace SmartPark.BureauPlatform;

/// <summary>Prints a line per monitoring point every <see cref="PlatformOptions.SummaryInterval"/>.</summary>
public sealed class ConsoleSummary(IOptions<PlatformOptions> options, FrameLog log, PlatformServer server, EmissionJudge judge, ILogger<ConsoleSummary> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SummaryInterval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(options.Value.SummaryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var line in PlatformEndpoints.ConsoleLines(PointSummaries.Build(log.Snapshot(), server.ConnectedMns, judge)))
                    logger.LogInformation("{Summary}", line);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
