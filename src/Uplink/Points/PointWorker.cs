using System.Net.Sockets;
using SmartPark.Hj212;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Resilience;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Link;
using SmartPark.Uplink.Storage;
using SmartPark.Uplink.Telemetry;

namespace SmartPark.Uplink.Points;

/// <summary>
/// Runs one monitoring point: a loop that finds settled periods and puts them in the backlog
/// (whether or not the platform is reachable), and a loop that keeps a TCP connection to the
/// platform and, while it is up, sends the backlog oldest first, real-time data every
/// RtdInterval, and answers the host's commands. A connection that fails, or whose replies stop
/// coming, is closed and made again with a growing delay; nothing in the backlog is lost.
/// </summary>
public sealed class PointWorker(
    PointRuntime point,
    PeriodReporter reporter,
    UplinkStore store,
    LatestReadings latest,
    PeriodClock clock,
    UplinkOptions options,
    UplinkMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private PointConfig Config => point.Config;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(ReportPeriodsAsync(cancellationToken), KeepConnectedAsync(cancellationToken));

    private async Task ReportPeriodsAsync(CancellationToken cancellationToken)
    {
        var lastFull = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var full = now - lastFull >= options.RescanInterval;
            try
            {
                var added = await reporter.CheckAsync(point, full, cancellationToken);
                if (added > 0)
                    logger.LogInformation("HJ 212 point {Mn}: {Added} period(s) added to the backlog ({Pending} waiting)", Config.Mn, added, store.PendingCount(Config.Mn));
                if (full)
                {
                    lastFull = now;
                    store.PruneAcknowledged((now - options.Lookback - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds());
                }
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("HJ 212 point {Mn}: periods wait for InfluxDB ({Error})", Config.Mn, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "HJ 212 point {Mn}: looking for settled periods failed; trying again", Config.Mn);
            }
            await Delay(options.CheckInterval, cancellationToken);
        }
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(options.MinReconnectDelay, options.MaxReconnectDelay);
        // Waits since the link was last up: the first is short, each further one twice as long.
        var waits = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            PlatformLink? link = null;
            try
            {
                link = await PlatformLink.ConnectAsync(Config.Mn, Config.Host, Config.Port, options.ConnectTimeout, logger, cancellationToken);
                point.Connected = true;
                point.LastError = null;
                metrics.Connects.Add(1);
                waits = 0;
                logger.LogInformation("HJ 212 point {Mn}: connected to the platform at {Host}:{Port}", Config.Mn, Config.Host, Config.Port);
                await ServeAsync(link, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                var reason = ex is LinkUnusableException ? "no reply" : ex is SocketException or IOException ? "connection" : ex.GetType().Name;
                metrics.LinkFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
                point.LastError = ex.Message;
                logger.LogWarning("HJ 212 point {Mn}: platform {Host}:{Port}: {Error}; {Pending} period(s) wait; trying again in {Delay}",
                    Config.Mn, Config.Host, Config.Port, ex.Message, store.PendingCount(Config.Mn), backoff.Delay(waits + 1));
            }
            catch (OperationCanceledException)
            {
                // shutting down
            }
            finally
            {
                point.Connected = false;
                if (link is not null)
                    await link.DisposeAsync();
            }
            await Delay(backoff.Delay(++waits), cancellationToken);
        }
    }

    /// <summary>Runs the reader, the backlog and real-time data on one link until one of them fails.</summary>
    private async Task ServeAsync(PlatformLink link, CancellationToken cancellationToken)
    {
        using var linkScope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var commands = new HostCommands(point, link, reporter, options, clock, time, logger);
        link.OnRequest = commands.HandleAsync;
        link.Log = point.Log;
        var loops = new List<Task>
        {
            link.RunReaderAsync(linkScope.Token),
            SendBacklogAsync(link, linkScope.Token),
            SendRealTimeAsync(link, linkScope.Token),
        };
        if (options.TimeCalibrationOnConnect)
            loops.Add(RequestTimeCalibrationAsync(link, linkScope.Token));
        var first = await Task.WhenAny(loops);
        await linkScope.CancelAsync();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (Exception) when (first.IsFaulted || cancellationToken.IsCancellationRequested)
        {
            // the first failure is the one to report
        }
        await first; // rethrows its failure
    }

    private async Task SendBacklogAsync(PlatformLink link, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var record = store.OldestPending(Config.Mn);
            if (record is null)
            {
                await point.BacklogChanged.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                continue;
            }
            var settings = point.Settings;
            var packet = new Hj212Packet { Qn = record.Qn, St = Config.St, Cn = record.Cn, Pw = Config.Pw, Mn = Config.Mn, Flag = Config.DataFlag, Cp = record.Cp };
            foreach (var part in Hj212Encoder.Split(packet))
            {
                if (!await link.SendConfirmedAsync(part, settings.ReplyTimeout, settings.Retries, cancellationToken))
                {
                    store.CountAttempt(record.Id);
                    throw new LinkUnusableException($"no reply to {record.Cn} DataTime={record.DataTime} (QN {part.Qn}) after {settings.Retries + 1} tries of {settings.ReplyTimeout}");
                }
            }
            store.MarkAcknowledged(record.Id, record.Qn, time.GetUtcNow().ToUnixTimeMilliseconds());
            point.LastAcknowledged = time.GetUtcNow();
            metrics.PeriodsAcknowledged.Add(1, new KeyValuePair<string, object?>("cn", record.Cn));
            logger.LogDebug("HJ 212 point {Mn}: {Cn} DataTime={DataTime} acknowledged", Config.Mn, record.Cn, record.DataTime);
        }
    }

    /// <summary>Every RtdInterval (on its wall-clock boundaries), the newest reading of each pollutant not sent yet (2011),
    /// of each meter the point reports (2011) and the treatment facilities' run states (2021, Table C.15: at the real-time interval).
    /// A host's 2012 stops the 2011 frames only.</summary>
    private async Task SendRealTimeAsync(PlatformLink link, CancellationToken cancellationToken)
    {
        var frames = new RealTimeFrames(Config, latest, clock);
        while (!cancellationToken.IsCancellationRequested)
        {
            var settings = point.Settings;
            var interval = (long)settings.RtdInterval.TotalMilliseconds;
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var next = ((now / interval) + 1) * interval;
            if (await point.RealTimeChanged.WaitAsync(TimeSpan.FromMilliseconds(next - now), cancellationToken))
                continue; // a host changed the interval or switched real-time data: start over
            foreach (var (cn, cp) in frames.Due(settings.RtdEnabled))
            {
                var packet = new Hj212Packet
                {
                    Qn = point.Qn.Next(clock.Local(time.GetUtcNow().ToUnixTimeMilliseconds())),
                    St = Config.St,
                    Cn = cn,
                    Pw = Config.Pw,
                    Mn = Config.Mn,
                    Flag = Config.DataFlag,
                    Cp = cp,
                };
                if (!await link.SendConfirmedAsync(packet, settings.ReplyTimeout, settings.Retries, cancellationToken))
                    throw new LinkUnusableException($"no reply to real-time data {cn} (QN {packet.Qn}) after {settings.Retries + 1} tries of {settings.ReplyTimeout}");
                metrics.RealTimeSent.Add(1);
            }
        }
    }

    /// <summary>1013 once per connection when configured: the platform answers 9013 and then sets our time (1012).</summary>
    private async Task RequestTimeCalibrationAsync(PlatformLink link, CancellationToken cancellationToken)
    {
        var settings = point.Settings;
        var packet = new Hj212Packet
        {
            Qn = point.Qn.Next(clock.Local(time.GetUtcNow().ToUnixTimeMilliseconds())),
            St = Config.St,
            Cn = Hj212Commands.TimeCalibrationRequest,
            Pw = Config.Pw,
            Mn = Config.Mn,
            Flag = Hj212Flag.Of(Config.Version, ack: true),
            Cp = "",
        };
        if (!await link.SendConfirmedAsync(packet, settings.ReplyTimeout, settings.Retries, cancellationToken))
            throw new LinkUnusableException($"no reply to the time calibration request (QN {packet.Qn})");
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
