using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>One counter reading: when, and the register in hundredths of the unit.</summary>
public readonly record struct CounterReading(DateTimeOffset At, long Hundredths)
{
    public double Value => Hundredths / 100.0;
}

/// <summary>A replaced meter's two registers at the swap, as the electrician writes them down.</summary>
public sealed record ReplacementReadings(DateTimeOffset At, double OldFinal, double NewInitial);

/// <summary>
/// A counter's readings over the year, every <c>interval</c> from the year's first China-time
/// midnight to the next year's (both included, so the year's use is the difference of the ends).
/// The use in each interval follows the enterprise's shifts (<see cref="ProductionProfile"/>, a
/// standby floor, ±10 % seeded noise), scaled so the year sums to exactly the designed use: the
/// cumulative use is rounded to the register's hundredths, never the steps, so no rounding drifts.
/// Then the register: a start value, and the counter's event (reset, rollover, replacement).
/// </summary>
public sealed class CounterYear
{
    /// <summary>Standby (lights, compressors, a guard room) as a share of full production.</summary>
    private const double StandbyShare = 0.08;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly long[] _cumulative;

    public CounterYear(int year, TimeSpan interval, ShiftPattern shift, int seed, CounterDesign counter)
    {
        Counter = counter;
        Interval = interval;
        Start = YearStart(year);
        var end = YearStart(year + 1);
        var count = (int)((end - Start).Ticks / interval.Ticks);
        if (Start + (interval * count) != end)
            throw new ArgumentException($"the interval {interval} does not divide the year");
        var noise = new SeededNoise(seed);
        var weights = new double[count + 1];
        for (var k = 1; k <= count; k++)
        {
            var middle = Start + (interval * (k - 1)) + (interval / 2);
            weights[k] = weights[k - 1] + ((StandbyShare + ProductionProfile.Level(middle, shift)) * noise.Uniform(0.9, 1.1));
        }
        _cumulative = new long[count + 1];
        for (var k = 1; k <= count; k++)
            _cumulative[k] = (long)Math.Round(counter.UseHundredths * (weights[k] / weights[count]), MidpointRounding.AwayFromZero);
    }

    public CounterDesign Counter { get; }
    public TimeSpan Interval { get; }
    public DateTimeOffset Start { get; }

    /// <summary>Readings of the year, including both ends.</summary>
    public int Count => _cumulative.Length;

    /// <summary>China Standard Time midnight of 1 January, as UTC.</summary>
    public static DateTimeOffset YearStart(int year) => new DateTimeOffset(year, 1, 1, 0, 0, 0, China).ToUniversalTime();

    /// <summary>Use of the year up to reading <paramref name="k"/>, hundredths.</summary>
    public long UsedBy(int k) => _cumulative[k];

    private long RolloverHundredths => (long)Math.Round((Counter.Rollover ?? 0) * 100);

    /// <summary>Half the use of the event's interval, hundredths: where a swap falls in it.</summary>
    private long HalfOfEventInterval => (_cumulative[Counter.EventIndex] - _cumulative[Counter.EventIndex - 1]) / 2;

    /// <summary>Where the register stands: before the event from the start value; after it from zero (reset) or the new meter's first reading.</summary>
    public long Register(int k)
    {
        var used = _cumulative[k];
        var j = Counter.EventIndex;
        return Counter.Event switch
        {
            CounterEvent.Reset when k >= j => used - _cumulative[j - 1],
            CounterEvent.Replacement when k >= j => Counter.NewInitialHundredths + (used - _cumulative[j - 1] - HalfOfEventInterval),
            CounterEvent.Rollover => (Counter.StartHundredths + used) % RolloverHundredths,
            _ => Counter.StartHundredths + used,
        };
    }

    public CounterReading Reading(int k) => new(Start + (Interval * k), Register(k));

    public IEnumerable<CounterReading> Readings() => Enumerable.Range(0, Count).Select(Reading);

    /// <summary>The swap, for a replaced meter: half way through the event's interval.</summary>
    public ReplacementReadings? Replacement() => Counter.Event != CounterEvent.Replacement ? null : new(
        Start + (Interval * (Counter.EventIndex - 1)) + (Interval / 2),
        (Counter.StartHundredths + _cumulative[Counter.EventIndex - 1] + HalfOfEventInterval) / 100.0,
        Counter.NewInitialHundredths / 100.0);

    /// <summary>How often a rolling register wraps during the year.</summary>
    public long Wraps => Counter.Event == CounterEvent.Rollover ? (Counter.StartHundredths + _cumulative[^1]) / RolloverHundredths : 0;

    /// <summary>
    /// A rollover register's start such that it wraps inside the event's interval (the first wrap
    /// of the year; a meter using more than the register holds wraps again later).
    /// </summary>
    public long RolloverStart()
    {
        var rollover = RolloverHundredths;
        var half = Math.Max(1, HalfOfEventInterval);
        return ((rollover - (_cumulative[Counter.EventIndex] % rollover) + half) % rollover + rollover) % rollover;
    }
}
