using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;

namespace SmartPark.Efficiency.Consumption;

/// <summary>
/// The consumption per quarter hour (<see cref="ConsumptionSeries.QuarterHour"/>, UTC-aligned) of
/// one series of counter readings: the rise of the register, never an integral of power. See
/// src/Ingest/Consumption/README.md for the rules in prose; in short:
/// <list type="bullet">
/// <item>Readings that are not finite or are negative are ignored; several at one instant count as
/// the largest; order does not matter. Every other reading is used whatever its HJ 212 flag: a
/// register is a count, not a sample, and does not drift during an analyser's calibration.</item>
/// <item>A reading outside the range of its two neighbours, when those two are a plausible rise,
/// is a glitch (a spike up or down): dropped, and its quarter hour is flagged <c>jump</c>.</item>
/// <item>The increment between consecutive readings is spread over the time between them in
/// proportion to time, as if the register were read at each quarter-hour boundary by linear
/// interpolation; a quarter hour's use is the register at its end minus the register at its start.</item>
/// <item>Readings further apart than <see cref="CounterRules.GapThreshold"/> leave a <c>gap</c>:
/// the increment is still spread, but that time does not count as covered.</item>
/// <item>A recorded replacement between two readings: <c>replaced</c>, the old meter's rise to its
/// final reading up to the swap, then the new meter's rise from its first reading.</item>
/// <item>A fall across a known rollover (or from the top tenth of a power of ten to its bottom
/// tenth, when the wrapped rise is plausible): <c>rollover</c>, counted across the wrap.</item>
/// <item>Any other fall to below <see cref="CounterRules.ResetFraction"/> of the previous value:
/// <c>reset</c>, counted from zero. A smaller fall, or a rise faster than the quantity's
/// <see cref="CounterRules.MaxPerHour"/>: <c>jump</c>, not counted; the register goes on from its new value.</item>
/// </list>
/// Deterministic, never negative, never NaN.
/// </summary>
public static class CounterCalculator
{
    private static readonly long WindowTicks = TimeSpan.FromMinutes(15).Ticks;

    /// <summary>
    /// The quarter hours of [<paramref name="from"/>, <paramref name="to"/>) (widened to quarter-hour
    /// boundaries) that any reading or any interval between readings touches. <paramref name="readings"/>
    /// should include the last reading before the span and the first after it, when known, so the
    /// span's first and last quarter hours are complete.
    /// </summary>
    public static IReadOnlyList<ConsumptionAmount> QuarterHours(
        string quantity,
        IEnumerable<CounterReading> readings,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyList<RegistryMeterReplacement> replacements,
        double? rollover,
        CounterRules rules)
    {
        var fromTicks = Floor(from.UtcTicks);
        var toTicks = Ceiling(to.UtcTicks);
        var all = Clean(readings);
        var swaps = replacements
            .Where(r => r.Quantity == quantity && double.IsFinite(r.OldFinal) && double.IsFinite(r.NewInitial) && r.OldFinal >= 0 && r.NewInitial >= 0)
            .OrderBy(r => r.At.UtcTicks)
            .ToList();
        var wrap = rollover is { } w && double.IsFinite(w) && w > 0 ? w : (double?)null;
        var limit = rules.LimitPerHour(quantity);

        var (kept, spikes) = DropSpikes(all, swaps, limit);
        var windows = new SortedDictionary<long, WindowSum>();
        for (var i = 1; i < kept.Count; i++)
        {
            foreach (var segment in Segments(kept[i - 1], kept[i], swaps, wrap, limit, rules))
                Spread(segment, windows, fromTicks, toTicks);
        }
        foreach (var spike in spikes)
            Touch(windows, spike.At.UtcTicks, fromTicks, toTicks).Flags.Add(ConsumptionFlag.Jump);
        foreach (var reading in all)
            Touch(windows, reading.At.UtcTicks, fromTicks, toTicks).Readings++;

        var result = new List<ConsumptionAmount>(windows.Count);
        foreach (var (start, sum) in windows)
        {
            result.Add(new ConsumptionAmount(
                new DateTimeOffset(start, TimeSpan.Zero),
                new DateTimeOffset(start + WindowTicks, TimeSpan.Zero),
                Math.Max(0, sum.Use),
                Math.Clamp((double)sum.CoveredTicks / WindowTicks, 0, 1),
                ConsumptionAmount.Canonical(sum.Flags),
                sum.Readings));
        }
        return result;
    }

    /// <summary>Part of the register's rise between two instants, with what explains it.</summary>
    private readonly record struct Segment(long FromTicks, long ToTicks, double Increment, string? Flag, bool Gap);

    private sealed class WindowSum
    {
        public double Use;
        public long CoveredTicks;
        public long Readings;
        public readonly HashSet<string> Flags = new(StringComparer.Ordinal);
    }

    /// <summary>Finite, non-negative readings, ordered by time, one per instant (the largest, so the input's order cannot change the result).</summary>
    private static List<CounterReading> Clean(IEnumerable<CounterReading> readings) =>
        [.. readings
            .Where(r => double.IsFinite(r.Value) && r.Value >= 0)
            .GroupBy(r => r.At.UtcTicks)
            .Select(g => new CounterReading(new DateTimeOffset(g.Key, TimeSpan.Zero), g.Max(r => r.Value)))
            .OrderBy(r => r.At.UtcTicks)];

    /// <summary>
    /// Drops single readings outside the range of their neighbours when the neighbours themselves are
    /// a plausible rise: a register only counts up, so such a reading is a misread (a spike), and
    /// keeping it would turn into a false reset or jump and a false count on the way back.
    /// </summary>
    private static (List<CounterReading> Kept, List<CounterReading> Spikes) DropSpikes(List<CounterReading> readings, List<RegistryMeterReplacement> swaps, double limit)
    {
        var kept = new List<CounterReading>(readings.Count);
        var spikes = new List<CounterReading>();
        for (var i = 0; i < readings.Count; i++)
        {
            var current = readings[i];
            if (kept.Count > 0 && i + 1 < readings.Count)
            {
                var before = kept[^1];
                var after = readings[i + 1];
                var outside = current.Value < before.Value || current.Value > after.Value;
                if (outside && after.Value >= before.Value && Plausible(after.Value - before.Value, before, after, limit)
                    && !swaps.Any(s => Between(s, before, after)))
                {
                    spikes.Add(current);
                    continue;
                }
            }
            kept.Add(current);
        }
        return (kept, spikes);
    }

    private static IEnumerable<Segment> Segments(CounterReading a, CounterReading b, List<RegistryMeterReplacement> swaps, double? rollover, double limit, CounterRules rules)
    {
        long t0 = a.At.UtcTicks, t1 = b.At.UtcTicks;
        var gap = t1 - t0 > rules.GapThreshold.Ticks;
        var between = swaps.Where(s => Between(s, a, b)).ToList();
        if (between.Count > 0)
        {
            // Old meter up to its final reading, then each new meter from its first: never the
            // difference of two different registers. Each part is judged on the whole interval's time.
            var at = t0;
            var value = a.Value;
            foreach (var swap in between)
            {
                var swapAt = Math.Clamp(swap.At.UtcTicks, t0, t1);
                yield return Judged(at, swapAt, swap.OldFinal - value);
                at = swapAt;
                value = swap.NewInitial;
            }
            yield return Judged(at, t1, b.Value - value);
            yield break;

            Segment Judged(long from, long to, double rise)
            {
                var increment = Math.Max(0, rise);
                var ok = Plausible(increment, a, b, limit);
                var isGap = to - from > rules.GapThreshold.Ticks;
                return ok ? new(from, to, increment, ConsumptionFlag.Replaced, isGap) : new(from, to, 0, ConsumptionFlag.Jump, isGap);
            }
        }

        var increase = b.Value - a.Value;
        if (increase >= 0)
        {
            yield return Plausible(increase, a, b, limit)
                ? new(t0, t1, increase, null, gap)
                : new(t0, t1, 0, ConsumptionFlag.Jump, gap);
            yield break;
        }

        // The register fell.
        if ((rollover ?? ImpliedWrap(a.Value, b.Value)) is { } wrap && a.Value <= wrap && b.Value < wrap)
        {
            var across = wrap - a.Value + b.Value;
            if (Plausible(across, a, b, limit))
            {
                yield return new(t0, t1, across, ConsumptionFlag.Rollover, gap);
                yield break;
            }
        }
        if (b.Value < a.Value * rules.ResetFraction && Plausible(b.Value, a, b, limit))
        {
            // Counted from zero: the rise since the reset; nothing is known of the rise before it.
            yield return new(t0, t1, b.Value, ConsumptionFlag.Reset, gap);
            yield break;
        }
        yield return new(t0, t1, 0, ConsumptionFlag.Jump, gap);
    }

    /// <summary>Whether a recorded replacement falls between two readings. One recorded at the very
    /// instant of a reading goes before that reading if the reading looks like the new meter's
    /// (nearer its first value than the old one's last), after it otherwise.</summary>
    private static bool Between(RegistryMeterReplacement swap, CounterReading a, CounterReading b)
    {
        long at = swap.At.UtcTicks, t0 = a.At.UtcTicks, t1 = b.At.UtcTicks;
        if (at > t0 && at < t1)
            return true;
        if (at == t1)
            return LooksNew(swap, b);
        if (at == t0)
            return !LooksNew(swap, a);
        return false;
    }

    private static bool LooksNew(RegistryMeterReplacement swap, CounterReading reading) =>
        Math.Abs(reading.Value - swap.NewInitial) < Math.Abs(reading.Value - swap.OldFinal);

    /// <summary>An unknown register's wrap: the next power of ten above the previous value, when the
    /// previous value is in that power's top tenth and the next in its bottom tenth (999,990 → 12).</summary>
    private static double? ImpliedWrap(double previous, double next)
    {
        if (previous <= 0)
            return null;
        var power = Math.Pow(10, Math.Floor(Math.Log10(previous)) + 1);
        return previous >= 0.9 * power && next < 0.1 * power ? power : null;
    }

    private static bool Plausible(double increment, CounterReading a, CounterReading b, double limitPerHour)
    {
        if (double.IsPositiveInfinity(limitPerHour))
            return double.IsFinite(increment);
        var hours = (b.At - a.At).TotalHours;
        return double.IsFinite(increment) && increment <= limitPerHour * hours;
    }

    /// <summary>Adds the segment's share to every quarter hour of the span it overlaps, in proportion
    /// to time; a segment of no duration (a replacement at a reading's instant) goes to the quarter hour holding it.</summary>
    private static void Spread(Segment segment, SortedDictionary<long, WindowSum> windows, long fromTicks, long toTicks)
    {
        long t0 = segment.FromTicks, t1 = segment.ToTicks;
        if (t1 <= t0)
        {
            var window = Touch(windows, t0, fromTicks, toTicks);
            window.Use += segment.Increment;
            if (segment.Flag is { } flag)
                window.Flags.Add(flag);
            return;
        }
        var first = Math.Max(Floor(t0), fromTicks);
        var last = Math.Min(t1, toTicks);
        for (var start = first; start < last; start += WindowTicks)
        {
            var overlap = Math.Min(t1, start + WindowTicks) - Math.Max(t0, start);
            if (overlap <= 0)
                continue;
            if (!windows.TryGetValue(start, out var window))
                windows[start] = window = new WindowSum();
            window.Use += segment.Increment * ((double)overlap / (t1 - t0));
            if (segment.Gap)
                window.Flags.Add(ConsumptionFlag.Gap);
            else
                window.CoveredTicks += overlap;
            if (segment.Flag is { } flag)
                window.Flags.Add(flag);
        }
    }

    /// <summary>The quarter hour holding <paramref name="ticks"/>, created if needed; a throwaway one outside the span.</summary>
    private static WindowSum Touch(SortedDictionary<long, WindowSum> windows, long ticks, long fromTicks, long toTicks)
    {
        var start = Floor(ticks);
        if (start < fromTicks || start >= toTicks)
            return new WindowSum();
        if (!windows.TryGetValue(start, out var window))
            windows[start] = window = new WindowSum();
        return window;
    }

    private static long Floor(long ticks) => ticks - (((ticks % WindowTicks) + WindowTicks) % WindowTicks);

    private static long Ceiling(long ticks)
    {
        var floor = Floor(ticks);
        return floor == ticks ? ticks : floor + WindowTicks;
    }
}
