using Microsoft.Extensions.Options;
using SmartPark.Hj212;
using SmartPark.Uplink.Points;
using SmartPark.Uplink.Storage;

namespace SmartPark.Uplink.Data;

/// <summary>
/// Puts every settled period of a point that has data into the backlog, once: a period is
/// settled <see cref="UplinkOptions.Settle"/> after it ends (Ingest has computed its rollups by
/// then). Each check looks at the last few periods; every <see cref="UplinkOptions.RescanInterval"/>
/// the whole <see cref="UplinkOptions.Lookback"/> is searched again, so readings that arrive late
/// (an agent's outbox after an outage) still make the periods they fill. A period already in the
/// store is never created again, acknowledged or not.
/// </summary>
public sealed class PeriodReporter(RollupReader reader, UplinkStore store, PeriodClock clock, IOptions<UplinkOptions> options, TimeProvider time)
{
    private const int RecentPeriods = 3;

    /// <summary>Looks for settled periods; returns how many were added to the backlog.</summary>
    public async Task<int> CheckAsync(PointRuntime point, bool fullRescan, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var settings = point.Settings;
        var lower = Math.Max(settings.SinceMs, now - (long)o.Lookback.TotalMilliseconds);
        var settledBy = now - (long)o.Settle.TotalMilliseconds;
        var added = 0;
        foreach (var (kind, minInterval, from, until) in Segments(settings, lower))
        {
            var length = PeriodClock.Length(kind, minInterval);
            var to = Math.Min(clock.Floor(settledBy, length), until == long.MaxValue ? long.MaxValue : clock.Floor(until, length));
            var start = clock.Ceiling(from, length);
            if (!fullRescan)
                start = Math.Max(start, to - (RecentPeriods * length));
            if (start >= to)
                continue;
            added += await AddPeriodsAsync(point, kind, minInterval, start, to, cancellationToken).ConfigureAwait(false);
        }
        if (added > 0)
            point.BacklogChanged.Set();
        return added;
    }

    private static IEnumerable<(PeriodKind Kind, int MinInterval, long From, long Until)> Segments(PointSettings settings, long lower)
    {
        // Minute periods of the interval before the last change, up to where the new one starts.
        if (settings.PreviousMinInterval is { } previous && settings.MinIntervalFromMs > lower)
            yield return (PeriodKind.Minute, previous, lower, settings.MinIntervalFromMs);
        yield return (PeriodKind.Minute, settings.MinInterval, Math.Max(lower, settings.MinIntervalFromMs), long.MaxValue);
        yield return (PeriodKind.Hour, 60, lower, long.MaxValue);
        yield return (PeriodKind.Day, 60, lower, long.MaxValue);
    }

    private async Task<int> AddPeriodsAsync(PointRuntime point, PeriodKind kind, int minInterval, long from, long to, CancellationToken cancellationToken)
    {
        var config = point.Config;
        var cn = kind.Command();
        var length = PeriodClock.Length(kind, minInterval);
        var existing = store.ExistingDataTimes(config.Mn, cn, from, to);
        var periods = await BuildAsync(point, kind, minInterval, from, to, start => !existing.Contains(Hj212Time.DataTime(clock.Local(start))), cancellationToken).ConfigureAwait(false);
        var added = 0;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (start, cp) in periods)
        {
            var packets = Hj212Encoder.Split(new Hj212Packet { Qn = Hj212Time.Qn(clock.Local(nowMs)), St = config.St, Cn = cn, Pw = config.Pw, Mn = config.Mn, Flag = config.DataFlag, Cp = cp }).Count;
            var qn = point.Qn.Next(clock.Local(nowMs), packets);
            if (store.Add(config.Mn, cn, start, start + length, Hj212Time.DataTime(clock.Local(start)), qn, cp, nowMs))
                added++;
        }
        return added;
    }

    /// <summary>
    /// The CP of every period in [<paramref name="from"/>, <paramref name="to"/>) that has data and
    /// that <paramref name="wanted"/> accepts, oldest first: values from the rollups, flags from the readings.
    /// </summary>
    public async Task<IReadOnlyList<(long Start, string Cp)>> BuildAsync(
        PointRuntime point, PeriodKind kind, int minInterval, long from, long to, Func<long, bool> wanted, CancellationToken cancellationToken)
    {
        var config = point.Config;
        var length = PeriodClock.Length(kind, minInterval);
        var stats = await reader.ReadStatsAsync(config, kind, minInterval, from, to, cancellationToken).ConfigureAwait(false);
        var fresh = stats.Where(s => s.Key >= from && s.Key < to && wanted(s.Key)).ToList();
        if (fresh.Count == 0)
            return [];
        var flags = await reader.ReadFlagsAsync(config, kind, minInterval, fresh[0].Key, fresh[^1].Key + length, cancellationToken).ConfigureAwait(false);
        var periods = new List<(long Start, string Cp)>();
        foreach (var (start, byCode) in fresh)
        {
            var values = config.Sources
                .Where(s => byCode.ContainsKey(s.Code))
                .Select(s =>
                {
                    var v = byCode[s.Code];
                    return new PollutantValue(s.Code, v.Avg, v.Min, v.Max, v.Count, flags.GetValueOrDefault((start, s.Code), Contracts.Telemetry.DataFlag.Normal));
                })
                .ToList();
            periods.Add((start, CpBuilder.Period(clock.Local(start), values)));
        }
        return periods;
    }
}
