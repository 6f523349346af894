using System.Globalization;
using SmartPark.Hj212;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Points;

namespace SmartPark.Uplink.Link;

/// <summary>
/// Answers the host's commands that matter for a data reporter, as HJ 212-2017 Annex C shows
/// them: 9011 (QnRtn) first, then the answer upload where there is one (same QN), then 9012
/// (ExeRtn); 2012 is a notification and gets 9013. Settings a host changes are stored, so they
/// survive a restart. History requests (2051, 2061, 2031 with BeginTime and EndTime) are answered
/// with the periods' uploads, each awaiting its 9014 when Flag asks, then 9012 (ExeRtn 100: no data);
/// what they may cost is bounded (<see cref="HistoryLimit"/>): too long a span gets ExeRtn 3, a
/// request while another runs or past the hourly quota ExeRtn 5 (busy). Anything else is refused
/// with QnRtn 2. Warnings about commands repeat at most once a minute per kind.
/// </summary>
public sealed class HostCommands(PointRuntime point, PlatformLink link, PeriodReporter periods, UplinkOptions options, PeriodClock clock, TimeProvider time, ILogger logger)
{
    private PointConfig Config => point.Config;

    public async Task HandleAsync(Hj212Packet request, CancellationToken cancellationToken)
    {
        if (point.Log.ShouldLog("command/" + request.Cn, out var heldBack))
            logger.LogInformation("HJ 212 point {Mn}: host command {Cn} (QN {Qn}) CP={Cp} ({HeldBack} more of it held back since the last)", Config.Mn, request.Cn, request.Qn, request.Cp, heldBack);
        if (!string.Equals(request.Mn, Config.Mn, StringComparison.Ordinal))
        {
            Warn("mn", "HJ 212 point {Mn}: host command {Cn} for another MN {OtherMn}; refused (QnRtn 4)", Config.Mn, request.Cn, request.Mn);
            await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.MnError}", cancellationToken);
            return;
        }
        if (!string.Equals(request.Pw, Config.Pw, StringComparison.Ordinal))
        {
            Warn("pw", "HJ 212 point {Mn}: host command {Cn} with a wrong password; refused (QnRtn 3)", Config.Mn, request.Cn);
            await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.PasswordError}", cancellationToken);
            return;
        }
        if (request.Qn is null)
        {
            await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.QnError}", cancellationToken);
            return;
        }
        var cp = Hj212Cp.Parse(request.Cp);
        switch (request.Cn)
        {
            case Hj212Commands.SetTimeoutAndRetries:
                await ExecuteAsync(request, SetTimeoutAndRetries(cp), null, cancellationToken);
                break;
            case Hj212Commands.GetTime:
                var polId = cp.Get("PolId");
                var now = Hj212Time.DataTime(clock.Local(time.GetUtcNow().ToUnixTimeMilliseconds()));
                await ExecuteAsync(request, Hj212ExeRtn.Success, (Hj212Commands.GetTime, polId is null ? $"SystemTime={now}" : $"PolId={polId};SystemTime={now}"), cancellationToken);
                break;
            case Hj212Commands.SetTime:
                await ExecuteAsync(request, SetTime(cp), null, cancellationToken);
                break;
            case Hj212Commands.GetRealTimeInterval:
                var rtd = (int)point.Settings.RtdInterval.TotalSeconds;
                await ExecuteAsync(request, Hj212ExeRtn.Success, (Hj212Commands.GetRealTimeInterval, $"RtdInterval={rtd.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
                break;
            case Hj212Commands.SetRealTimeInterval:
                await ExecuteAsync(request, SetRealTimeInterval(cp), null, cancellationToken);
                break;
            case Hj212Commands.GetMinuteInterval:
                await ExecuteAsync(request, Hj212ExeRtn.Success, (Hj212Commands.GetMinuteInterval, $"MinInterval={point.Settings.MinInterval.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
                break;
            case Hj212Commands.SetMinuteInterval:
                await ExecuteAsync(request, SetMinuteInterval(cp), null, cancellationToken);
                break;
            case Hj212Commands.RealTimeData:
                point.Change(s => s with { RtdEnabled = true });
                await ExecuteAsync(request, Hj212ExeRtn.Success, null, cancellationToken);
                break;
            case Hj212Commands.MinuteData or Hj212Commands.HourlyData or Hj212Commands.DailyData or Hj212Commands.RunTimeData:
                await RequestHistoryAsync(request, cp, cancellationToken);
                break;
            case Hj212Commands.StopRealTimeData:
                point.Change(s => s with { RtdEnabled = false });
                await ReplyAsync(request, Hj212Commands.NotificationResponse, "", cancellationToken);
                break;
            default:
                Warn("unsupported/" + request.Cn, "HJ 212 point {Mn}: host command {Cn} is not supported; refused (QnRtn 2)", Config.Mn, request.Cn);
                await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.Rejected}", cancellationToken);
                break;
        }
    }

    /// <summary>Checks the request against the point's <see cref="HistoryLimit"/>, then answers it off
    /// the reader (the uploads wait for 9014s that the reader has to receive).</summary>
    private async Task RequestHistoryAsync(Hj212Packet request, Hj212Cp cp, CancellationToken cancellationToken)
    {
        if (!Hj212Time.TryParseDataTime(cp.Get("BeginTime"), out var begin) || !Hj212Time.TryParseDataTime(cp.Get("EndTime"), out var end) || end < begin)
        {
            Warn("history/times", "HJ 212 point {Mn}: history request {Cn} without a valid BeginTime and EndTime (CP={Cp}); refused (ExeRtn 3)", Config.Mn, request.Cn, request.Cp);
            await ExecuteAsync(request, Hj212ExeRtn.ConditionError, null, cancellationToken);
            return;
        }
        var refusal = point.History.TryStart(end - begin, time.GetUtcNow());
        if (refusal != HistoryRefusal.None)
        {
            Warn("history/" + refusal, "HJ 212 point {Mn}: history request {Cn} from {Begin} to {End} refused: {Refusal} (span at most {MaxSpan}, {PerHour} an hour, one at a time)",
                Config.Mn, request.Cn, begin, end, refusal, options.MaxHistorySpan, options.MaxHistoryRequestsPerHour);
            await ExecuteAsync(request, refusal == HistoryRefusal.SpanTooLong ? Hj212ExeRtn.ConditionError : Hj212ExeRtn.Busy, null, cancellationToken);
            return;
        }
        try
        {
            await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.Ready}", cancellationToken);
        }
        catch
        {
            point.History.Finish();
            throw;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await SendHistoryAsync(request, begin, end, cancellationToken);
            }
            finally
            {
                point.History.Finish();
            }
        }, CancellationToken.None);
    }

    /// <summary>The periods from BeginTime to EndTime (their starts, both included), each sent and confirmed, then 9012.</summary>
    private async Task SendHistoryAsync(Hj212Packet request, DateTime begin, DateTime end, CancellationToken cancellationToken)
    {
        int exeRtn;
        try
        {
            var kind = PeriodKinds.FromCommand(request.Cn)!.Value;
            var settings = point.Settings;
            var length = PeriodClock.Length(kind, settings.MinInterval);
            var from = clock.Floor(clock.FromLocal(begin), length);
            var wanted = clock.Floor(clock.FromLocal(end), length) + length;
            var to = Math.Min(wanted, from + (options.MaxHistoryPeriods * length));
            if (to < wanted)
                Warn("history/periods", "HJ 212 point {Mn}: history request {Cn} from {Begin} to {End} cut to its first {MaxPeriods} periods", Config.Mn, request.Cn, begin, end, options.MaxHistoryPeriods);
            var found = await periods.BuildAsync(point, kind, settings.MinInterval, from, to, (_, _) => true, cancellationToken);
            foreach (var (_, periodCp, _) in found)
            {
                var localNow = clock.Local(time.GetUtcNow().ToUnixTimeMilliseconds());
                var packet = new Hj212Packet { Qn = point.Qn.Next(localNow), St = Config.St, Cn = request.Cn, Pw = Config.Pw, Mn = Config.Mn, Flag = Config.DataFlag, Cp = periodCp };
                foreach (var part in Hj212Encoder.Split(packet))
                {
                    if (!await link.SendConfirmedAsync(part, settings.ReplyTimeout, settings.Retries, cancellationToken))
                        throw new LinkUnusableException($"no reply to history upload {request.Cn} (QN {part.Qn})");
                }
            }
            exeRtn = found.Count == 0 ? Hj212ExeRtn.NoData : Hj212ExeRtn.Success;
            logger.LogInformation("HJ 212 point {Mn}: host asked for {Cn} from {Begin} to {End}: {Count} period(s) sent", Config.Mn, request.Cn, begin, end, found.Count);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex) when (ex is LinkUnusableException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The link is gone (the worker makes a new one); the host asks again.
            logger.LogWarning("HJ 212 point {Mn}: history request {Cn} stopped: {Error}", Config.Mn, request.Cn, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("HJ 212 point {Mn}: history request {Cn} failed: {Error}", Config.Mn, request.Cn, ex.Message);
            exeRtn = Hj212ExeRtn.SystemFault;
        }
        try
        {
            await ReplyAsync(request, Hj212Commands.ExecutionResult, $"ExeRtn={exeRtn.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // the link went away meanwhile
        }
    }

    private int SetTimeoutAndRetries(Hj212Cp cp)
    {
        if (!TryInt(cp.Get("OverTime"), 1, 99, out var overTime) || !TryInt(cp.Get("ReCount"), 1, 99, out var reCount))
            return Hj212ExeRtn.ConditionError;
        point.Change(s => s with { ReplyTimeoutMs = overTime * 1000L, Retries = reCount });
        return Hj212ExeRtn.Success;
    }

    /// <summary>The server's clock is NTP's: a set-time close to it succeeds, anything further is refused and logged.</summary>
    private int SetTime(Hj212Cp cp)
    {
        if (!Hj212Time.TryParseDataTime(cp.Get("SystemTime"), out var hostTime))
            return Hj212ExeRtn.ConditionError;
        var ours = clock.Local(time.GetUtcNow().ToUnixTimeMilliseconds());
        var difference = hostTime - ours;
        if (difference.Duration() <= options.ClockTolerance)
            return Hj212ExeRtn.Success;
        logger.LogError("HJ 212 point {Mn}: the platform's clock ({HostTime}) is {Difference} from ours; this server's clock is kept by NTP, check it. Set-time refused (ExeRtn 3)",
            Config.Mn, hostTime, difference);
        return Hj212ExeRtn.ConditionError;
    }

    private int SetRealTimeInterval(Hj212Cp cp)
    {
        var min = (int)Math.Ceiling(options.MinRtdInterval.TotalSeconds);
        if (!TryInt(cp.Get("RtdInterval"), min, 3600, out var seconds))
            return Hj212ExeRtn.ConditionError;
        point.Change(s => s with { RtdIntervalMs = seconds * 1000L });
        return Hj212ExeRtn.Success;
    }

    private int SetMinuteInterval(Hj212Cp cp)
    {
        if (!TryInt(cp.Get("MinInterval"), 1, 30, out var minutes) || 60 % minutes != 0 || minutes == 60)
            return Hj212ExeRtn.ConditionError;
        var settings = point.Settings;
        if (minutes == settings.MinInterval)
            return Hj212ExeRtn.Success;
        // The period under way finishes at the old interval; the new one starts at its next boundary after that.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var oldEnd = clock.Ceiling(now, PeriodClock.Length(PeriodKind.Minute, settings.MinInterval));
        var from = clock.Ceiling(oldEnd, PeriodClock.Length(PeriodKind.Minute, minutes));
        point.Change(s => s with { MinInterval = minutes, PreviousMinInterval = settings.MinInterval, MinIntervalFromMs = from });
        return Hj212ExeRtn.Success;
    }

    /// <summary>9011 QnRtn=1, the answer upload if any, then 9012 with the result.</summary>
    private async Task ExecuteAsync(Hj212Packet request, int exeRtn, (string Cn, string Cp)? answer, CancellationToken cancellationToken)
    {
        await ReplyAsync(request, Hj212Commands.RequestResponse, $"QnRtn={Hj212QnRtn.Ready}", cancellationToken);
        if (answer is { } a)
        {
            await link.SendAsync(new Hj212Packet { Qn = request.Qn, St = Config.St, Cn = a.Cn, Pw = Config.Pw, Mn = Config.Mn, Flag = Config.PlainFlag, Cp = a.Cp }, cancellationToken);
        }
        await ReplyAsync(request, Hj212Commands.ExecutionResult, $"ExeRtn={exeRtn.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (exeRtn != Hj212ExeRtn.Success)
            Warn("failed/" + request.Cn, "HJ 212 point {Mn}: host command {Cn} CP={Cp} not carried out (ExeRtn {ExeRtn})", Config.Mn, request.Cn, request.Cp, exeRtn);
    }

    /// <summary>A warning that a platform (or someone posing as it) could repeat at will: at most once a minute per kind.</summary>
    private void Warn(string kind, string message, params object?[] args)
    {
        if (point.Log.ShouldLog(kind, out var heldBack))
        {
            if (heldBack > 0)
                logger.LogWarning("HJ 212 point {Mn}: {HeldBack} more like the next held back in the last minute", Config.Mn, heldBack);
#pragma warning disable CA2254 // the templates are the constants above, passed through
            logger.LogWarning(message, args);
#pragma warning restore CA2254
        }
    }

    private Task ReplyAsync(Hj212Packet request, string cn, string cp, CancellationToken cancellationToken) =>
        link.SendAsync(new Hj212Packet { Qn = request.Qn, St = Hj212SystemCodes.SystemInteraction, Cn = cn, Pw = Config.Pw, Mn = Config.Mn, Flag = Config.PlainFlag, Cp = cp }, cancellationToken);

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
