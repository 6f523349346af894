using FsCheck;
using FsCheck.Fluent;
using SmartPark.Efficiency.Consumption;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>Properties of the consumption calculator over generated series (FsCheck, fixed seed so a failure repeats).</summary>
public sealed class CounterCalculatorPropertiesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 3, 7, 0, TimeSpan.Zero);

    private static Config Fixed => Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(17, 0x9E3779B97F4A7C15UL | 1), null));

    /// <summary>Steps: seconds since the previous reading (1 s .. 3 h, so some gaps) and a rise or change in hundredths.</summary>
    private static Gen<List<(int Seconds, int Hundredths)>> Steps(int minChange) =>
        Gen.ListOf(Gen.Zip(Gen.Choose(1, 10_800), Gen.Choose(minChange, 50_000))).Select(s => s.ToList());

    private static List<CounterReading> Series(List<(int Seconds, int Hundredths)> steps, double start)
    {
        var at = T0;
        var value = start;
        var readings = new List<CounterReading> { new(at, value) };
        foreach (var (seconds, hundredths) in steps)
        {
            at = at.AddSeconds(seconds);
            value = Math.Max(0, value + hundredths / 100.0);
            readings.Add(new(at, value));
        }
        return readings;
    }

    private static IReadOnlyList<ConsumptionAmount> Compute(IEnumerable<CounterReading> readings, CounterRules? rules = null) =>
        CounterCalculator.QuarterHours("energy", readings, T0.AddDays(-1), T0.AddYears(1), [], null, rules ?? new CounterRules());

    [Fact]
    public void A_clean_monotone_series_sums_to_its_total_rise()
    {
        Check.One(Fixed, Prop.ForAll(Arb.From(Steps(0)), steps =>
        {
            var readings = Series(steps, 1234.5);
            var total = readings[^1].Value - readings[0].Value;
            // No rate limit: a generated 500 kWh in one second would otherwise be a (correctly uncounted) jump.
            var windows = Compute(readings, new CounterRules { MaxPerHour = [] });
            return Math.Abs(windows.Sum(w => w.Use) - total) <= 1e-6 * Math.Max(1, total)
                && windows.All(w => w.Flags.All(f => f == "gap"))
                && windows.Sum(w => w.Readings) == readings.Count;
        }));
    }

    [Fact]
    public void Any_series_gives_finite_non_negative_use_and_bounded_coverage_whatever_its_order()
    {
        // Changes from −5,000.00 to +500.00 per step: falls of every size (resets, glitches, wraps).
        Check.One(Fixed, Prop.ForAll(Arb.From(Steps(-500_000)), steps =>
        {
            var readings = Series(steps, 999_000);
            var windows = Compute(readings);
            var reversed = Compute(Enumerable.Reverse(readings));
            return windows.All(w => double.IsFinite(w.Use) && w.Use >= 0 && w.Coverage is >= 0 and <= 1)
                && windows.Select(w => (w.Start, w.Use, w.Coverage, w.FlagText, w.Readings))
                    .SequenceEqual(reversed.Select(w => (w.Start, w.Use, w.Coverage, w.FlagText, w.Readings)));
        }));
    }
}
