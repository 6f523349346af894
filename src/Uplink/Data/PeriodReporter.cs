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
/// store is never created again; when late readings change the rollups it was made from, it is
/// revised and sent again with the same DataTime (the platform keeps the latest).
/// </summary>
public sealed class PeriodReporter(RollupReader reader, UplinkStore store, PeriodClock clock, IOptions<UplinkOptions> options, TimeProvider time, ILogger<PeriodReporter> logger)
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
        foreach (var (kind, minInterval, from, until) in Segments(point.Config, settings, lower))
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

    private static IEnumerable<(PeriodKind Kind, int MinInterval, long From, long Until)> Segments(PointConfig config, PointSettings settings, long lower)
    {
        if (config.Facilities.Any())
            yield return (PeriodKind.RunTime, 60, lower, long.MaxValue);
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
        // New periods, and periods whose rollups changed since they were made (late readings):
        // those are revised. A period of unknown basis (an older store) is left as it is.
        bool Wanted(long start, string basis) =>
            !existing.TryGetValue(Hj212Time.DataTime(clock.Local(start)), out var had) || (had is not null && had != basis);
        var periods = await BuildAsync(point, kind, minInterval, from, to, Wanted, cancellationToken).ConfigureAwait(false);
        var added = 0;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (start, cp, basis) in periods)
        {
            var packets = Hj212Encoder.Split(new Hj212Packet { Qn = Hj212Time.Qn(clock.Local(nowMs)), St = config.St, Cn = cn, Pw = config.Pw, Mn = config.Mn, Flag = config.DataFlag, Cp = cp }).Count;
            var qn = point.Qn.Next(clock.Local(nowMs), packets);
            var dataTime = Hj212Time.DataTime(clock.Local(start));
            if (existing.ContainsKey(dataTime))
            {
                if (store.Revise(config.Mn, cn, dataTime, qn, cp, basis, nowMs))
                {
                    added++;
                    logger.LogInformation("HJ 212 point {Mn}: {Cn} DataTime={DataTime} revised, its data changed since it was made (late readings); it is sent again", config.Mn, cn, dataTime);
                }
            }
            else if (store.Add(config.Mn, cn, start, start + length, dataTime, qn, cp, nowMs, basis))
            {
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// The CP of every period in [<paramref name="from"/>, <paramref name="to"/>) that has data and
    /// that <paramref name="wanted"/> accepts, oldest first: values from the rollups, flags from
    /// the readings, and the period's basis (the rollup statistics it was made from, to tell
    /// later whether late readings changed it).
    /// </summary>
    public async Task<IReadOnlyList<(long Start, string Cp, string Basis)>> BuildAsync(
        PointRuntime point, PeriodKind kind, int minInterval, long from, long to, Func<long, string, bool> wanted, CancellationToken cancellationToken)
    {
        var config = point.Config;
        var length = PeriodClock.Length(kind, minInterval);
        if (kind == PeriodKind.RunTime)
        {
            var days = await reader.ReadRunTimesAsync(config, from, to, cancellationToken).ConfigureAwait(false);
            return [.. days.Where(d => d.Key >= from && d.Key < to && wanted(d.Key, d.Value.Basis))
                .Select(d => (d.Key, CpBuilder.RunTimes(clock.Local(d.Key), d.Value.Hours), d.Value.Basis))];
        }
        var stats = await reader.ReadStatsAsync(config, kind, minInterval, from, to, cancellationToken).ConfigureAwait(false);
        var fresh = stats
            .Where(s => s.Key >= from && s.Key < to)
            .Select(s => (Start: s.Key, Values: s.Value, Basis: Basis(s.Value)))
            .Where(s => wanted(s.Start, s.Basis))
            .ToList();
        if (fresh.Count == 0)
            return [];
        var flags = await reader.ReadFlagsAsync(config, kind, minInterval, fresh[0].Start, fresh[^1].Start + length, cancellationToken).ConfigureAwait(false);
        var periods = new List<(long Start, string Cp, string Basis)>();
        foreach (var (start, byCode, basis) in fresh)
        {
            var values = config.Sources
                .Where(s => byCode.ContainsKey(s.Code))
                .Select(s => Value(s, byCode, kind, length, flags.GetValueOrDefault((start, s.Code), Contracts.Telemetry.DataFlag.Normal)))
                .ToList();
            periods.Add((start, CpBuilder.Period(clock.Local(start), values), basis));
        }
        return periods;
    }

    /// <summary>One pollutant's period: its own values, its values at reference oxygen and its total when the point has them.</summary>
    private static PollutantValue Value(Contracts.Registry.PollutantSource source, IReadOnlyDictionary<string, PeriodStats> byKey, PeriodKind kind, long length, string flag)
    {
        var own = byKey[source.Code];
        var value = new PollutantValue(source.Code, own.Avg, own.Min, own.Max, own.Count, flag, source.Decimals);
        if (byKey.GetValueOrDefault(source.Code + "/Zs") is { } converted)
            value = value with { Converted = (converted.Min, converted.Avg, converted.Max) };
        if (byKey.GetValueOrDefault(source.Code + "/Cou") is { } rate)
            value = value with { Cou = EmissionTotals.Kg(kind, length, rate) };
        else if (RollupSeries.CubicMetresPerHour(source.Quantity) is { } perHour)
            value = value with { Cou = EmissionTotals.CubicMetres(kind, length, own, perHour), CouDecimals = EmissionTotals.CubicMetreDecimals };
        return value;
    }

    /// <summary>The statistics a period was made from, in a stable text form: equal when the rollups
    /// are. It holds every reading's count, so a late unmeasured reading (which may change the flag) revises too.</summary>
    public static string Basis(IReadOnlyDictionary<string, PeriodStats> byCode) =>
        string.Join(';', byCode.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key}:{p.Value.Readings}:{p.Value.Count}:{p.Value.Avg:R}:{p.Value.Min:R}:{p.Value.Max:R}")));
}
