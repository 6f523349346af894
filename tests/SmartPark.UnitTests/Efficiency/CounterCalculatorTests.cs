using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;
using SmartPark.Efficiency.Consumption;

namespace SmartPark.UnitTests.Efficiency;

/// <summary>
/// Consumption per quarter hour from counter readings, against values computed by hand (each
/// written out next to its assertion). Times are UTC; 2026-03-01T00:00Z unless said otherwise.
/// </summary>
public sealed class CounterCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CounterRules Rules = new();
    private const double Tolerance = 1e-9;

    private static CounterReading At(double minutes, double value) => new(T0.AddMinutes(minutes), value);

    private static IReadOnlyList<ConsumptionAmount> Energy(IEnumerable<CounterReading> readings, double fromMinutes, double toMinutes,
        IReadOnlyList<RegistryMeterReplacement>? replacements = null, double? rollover = null) =>
        CounterCalculator.QuarterHours("energy", readings, T0.AddMinutes(fromMinutes), T0.AddMinutes(toMinutes), replacements ?? [], rollover, Rules);

    private static void AssertWindow(ConsumptionAmount window, double startMinutes, double use, double coverage, string flags, long readings)
    {
        Assert.Equal(T0.AddMinutes(startMinutes), window.Start);
        Assert.Equal(T0.AddMinutes(startMinutes + 15), window.End);
        Assert.Equal(use, window.Use, Tolerance);
        Assert.Equal(coverage, window.Coverage, Tolerance);
        Assert.Equal(flags, window.FlagText);
        Assert.Equal(readings, window.Readings);
    }

    private static readonly CounterReading[] CleanRun =
        [At(0, 100), At(5, 101), At(10, 102.5), At(15, 104), At(20, 106), At(25, 106), At(30, 107)];

    [Fact]
    public void A_clean_run_is_the_register_at_each_window_end_minus_at_its_start()
    {
        var windows = Energy(CleanRun, 0, 30);

        Assert.Equal(2, windows.Count);
        // 00:00–00:15: 104 − 100 = 4 kWh from the readings at 00:00, 00:05, 00:10 (00:15 starts the next window).
        AssertWindow(windows[0], 0, 4, 1, "", 3);
        // 00:15–00:30: 107 − 104 = 3 kWh (the reading at 00:30 is the end of the last interval).
        AssertWindow(windows[1], 15, 3, 1, "", 3);
    }

    [Fact]
    public void Readings_out_of_order_and_twice_give_the_same_result()
    {
        CounterReading[] shuffled = [CleanRun[4], CleanRun[0], CleanRun[6], CleanRun[2], CleanRun[2], CleanRun[1], CleanRun[5], CleanRun[3], CleanRun[0],
            new(T0.AddMinutes(7), double.NaN), new(T0.AddMinutes(8), double.PositiveInfinity), new(T0.AddMinutes(9), -5)];

        var windows = Energy(shuffled, 0, 30);

        // Duplicates count once; NaN, infinity and a negative value are not readings at all.
        AssertWindow(windows[0], 0, 4, 1, "", 3);
        AssertWindow(windows[1], 15, 3, 1, "", 3);
    }

    [Fact]
    public void Readings_between_window_boundaries_are_interpolated()
    {
        // 00:10 → 100, 00:20 → 110: 1 kWh per minute, so 5 kWh before 00:15 and 5 after.
        var windows = Energy([At(10, 100), At(20, 110)], 0, 30);

        // 00:00–00:15: only 00:10–00:15 lies between readings: coverage 5/15.
        AssertWindow(windows[0], 0, 5, 5.0 / 15, "", 1);
        AssertWindow(windows[1], 15, 5, 5.0 / 15, "", 1);
    }

    [Fact]
    public void A_reset_is_counted_from_zero()
    {
        var windows = Energy([At(0, 500), At(5, 510), At(10, 3), At(15, 8), At(30, 20)], 0, 30);

        // 00:00–00:05: 510 − 500 = 10; 00:05–00:10: fell from 510 to 3, below half: a reset,
        // counted from zero = 3; 00:10–00:15: 8 − 3 = 5. Total 10 + 3 + 5 = 18.
        AssertWindow(windows[0], 0, 18, 1, ConsumptionFlag.Reset, 3);
        // 00:15–00:30: 20 − 8 = 12, clean.
        AssertWindow(windows[1], 15, 12, 1, "", 1);
    }

    [Fact]
    public void A_known_rollover_is_counted_across_the_wrap()
    {
        var windows = Energy([At(0, 999_980.00), At(5, 999_990.00), At(10, 12.00), At(15, 20.00)], 0, 15, rollover: 1_000_000);

        // 999,980 → 999,990: 10; 999,990 → 12 across 1,000,000: 1,000,000 − 999,990 + 12 = 22; 12 → 20: 8. Total 40 kWh.
        var window = Assert.Single(windows);
        AssertWindow(window, 0, 10 + 22 + 8, 1, ConsumptionFlag.Rollover, 3);
    }

    [Fact]
    public void An_unknown_register_wrapping_at_a_power_of_ten_is_a_rollover_when_plausible()
    {
        // No rollover recorded: 999,990 is in the top tenth of 1,000,000 and 12 in its bottom tenth,
        // and 22 kWh in 5 minutes (264 kWh/h) is plausible: the same 10 + 22 + 8 = 40 kWh as with the known wrap.
        AssertWindow(Assert.Single(Energy([At(0, 999_980.00), At(5, 999_990.00), At(10, 12.00), At(15, 20.00)], 0, 15)), 0, 40, 1, ConsumptionFlag.Rollover, 3);

        // 500,000 → 12 is not near a wrap: a reset, counted from zero (12) — never 500,012.
        AssertWindow(Assert.Single(Energy([At(0, 499_990), At(5, 500_000), At(10, 12), At(15, 20)], 0, 15)), 0, 10 + 12 + 8, 1, ConsumptionFlag.Reset, 3);
    }

    [Fact]
    public void A_recorded_replacement_counts_the_old_meter_to_its_final_and_the_new_one_from_its_first()
    {
        // Old meter 1000 at 00:00, 1010 at 00:05; swapped at 00:07 (old final 1014, new initial 0.5); new meter 2.5 at 00:10, 6.5 at 00:15, 10.5 at 00:20.
        CounterReading[] readings = [At(0, 1000), At(5, 1010), At(10, 2.5), At(15, 6.5), At(20, 10.5)];
        RegistryMeterReplacement[] swap = [new("energy", T0.AddMinutes(7), OldFinal: 1014, NewInitial: 0.5)];

        var windows = Energy(readings, 0, 30, swap);

        // 00:00–00:15: 1010 − 1000 = 10; old meter 1014 − 1010 = 4; new meter 2.5 − 0.5 = 2; 6.5 − 2.5 = 4. Total 20.
        AssertWindow(windows[0], 0, 10 + 4 + 2 + 4, 1, ConsumptionFlag.Replaced, 3);
        // 00:15–00:20: 10.5 − 6.5 = 4, coverage 5/15 (no reading after 00:20).
        AssertWindow(windows[1], 15, 4, 5.0 / 15, "", 2);

        // Without the record the same fall is a reset: 10 + 2.5 (from zero) + 4 = 16.5, flagged so.
        AssertWindow(Energy(readings, 0, 30)[0], 0, 16.5, 1, ConsumptionFlag.Reset, 3);
    }

    [Fact]
    public void A_replacement_recorded_at_a_readings_instant_goes_to_the_meter_the_reading_belongs_to()
    {
        // Swap recorded at 00:10, the instant of a reading of 0.7: nearer the new meter's first (0.5) than the
        // old one's last (1014), so the reading is the new meter's: 10 + (1014 − 1010) + (0.7 − 0.5) + (4.7 − 0.7) = 18.2.
        RegistryMeterReplacement[] swap = [new("energy", T0.AddMinutes(10), 1014, 0.5)];
        var window = Energy([At(0, 1000), At(5, 1010), At(10, 0.7), At(15, 4.7)], 0, 15, swap)[0];
        AssertWindow(window, 0, 18.2, 1, ConsumptionFlag.Replaced, 3);

        // The same instant with a reading of 1014 (the old meter's last): 10 + 4 + 0 + (4 − 0.5) = 17.5.
        window = Energy([At(0, 1000), At(5, 1010), At(10, 1014), At(15, 4)], 0, 15, swap)[0];
        AssertWindow(window, 0, 17.5, 1, ConsumptionFlag.Replaced, 3);
    }

    [Fact]
    public void A_replacement_of_another_quantity_is_ignored()
    {
        // The water meter's swap says nothing of the energy register: 10 + 2.5 (reset, from zero) + (6.5 − 2.5) = 16.5.
        RegistryMeterReplacement[] waterSwap = [new("water_volume", T0.AddMinutes(7), 1014, 0.5)];
        AssertWindow(Energy([At(0, 1000), At(5, 1010), At(10, 2.5), At(15, 6.5)], 0, 15, waterSwap)[0], 0, 10 + 2.5 + 4, 1, ConsumptionFlag.Reset, 3);
    }

    [Fact]
    public void A_gap_is_spread_over_its_windows_and_flagged_with_less_coverage()
    {
        // 00:00 → 100, 00:10 → 110, then nothing until 01:10 → 170 (60 minutes > 30: a gap, 1 kWh per minute), 01:20 → 180.
        var windows = Energy([At(0, 100), At(10, 110), At(70, 170), At(80, 180)], 0, 90);

        Assert.Equal(6, windows.Count);
        // 00:00–00:15: 10 measured (00:00–00:10) + 5 interpolated (00:10–00:15); covered 10 of 15 minutes.
        AssertWindow(windows[0], 0, 15, 10.0 / 15, ConsumptionFlag.Gap, 2);
        // 00:15, 00:30, 00:45: wholly in the gap, 15 minutes × 1 kWh each, nothing covered, no reading.
        AssertWindow(windows[1], 15, 15, 0, ConsumptionFlag.Gap, 0);
        AssertWindow(windows[2], 30, 15, 0, ConsumptionFlag.Gap, 0);
        AssertWindow(windows[3], 45, 15, 0, ConsumptionFlag.Gap, 0);
        // 01:00–01:15: 10 from the gap (01:00–01:10) + 5 of the 10 between 01:10 and 01:20; covered 01:10–01:15.
        AssertWindow(windows[4], 60, 15, 5.0 / 15, ConsumptionFlag.Gap, 1);
        // 01:15–01:30: the other 5; covered 01:15–01:20 only (the series ends there).
        AssertWindow(windows[5], 75, 5, 5.0 / 15, "", 1);
        // The sum is the register's whole rise: 180 − 100 = 80.
        Assert.Equal(80, windows.Sum(w => w.Use), Tolerance);
    }

    [Fact]
    public void An_implausible_rise_is_a_jump_and_is_not_counted()
    {
        // 100 → 101 (1), 101 → 50,101 in one minute (3,000,000 kWh/h > 100,000: a jump, 0), 50,101 → 50,102 (1).
        var window = Energy([At(0, 100), At(1, 101), At(2, 50_101), At(3, 50_102)], 0, 15)[0];
        AssertWindow(window, 0, 2, 3.0 / 15, ConsumptionFlag.Jump, 4);
    }

    [Fact]
    public void A_single_misread_up_or_down_is_dropped_as_a_spike()
    {
        // 9,999 between 101 and 102 (and 0 likewise) is outside its neighbours, which rise plausibly:
        // dropped; 100 → 101 → 102 → 103 counts 3, never a reset of 102 nor a false 9,898.
        foreach (var misread in new[] { 9_999.0, 0.0 })
        {
            var window = Energy([At(0, 100), At(1, 101), At(2, misread), At(3, 102), At(4, 103)], 0, 15)[0];
            AssertWindow(window, 0, 3, 4.0 / 15, ConsumptionFlag.Jump, 5);
        }
    }

    [Fact]
    public void A_small_lasting_fall_is_a_glitch_not_counted_and_counting_goes_on_from_it()
    {
        // 1000 → 990 → 991 → 992: a fall to 990 (not below half: not a reset) that lasts, so not a
        // spike either: not counted; then 990 → 991 → 992 counts 2.
        var window = Energy([At(0, 1000), At(1, 990), At(2, 991), At(3, 992)], 0, 15)[0];
        AssertWindow(window, 0, 2, 3.0 / 15, ConsumptionFlag.Jump, 4);
    }

    [Fact]
    public void A_series_straddling_a_China_day_boundary_is_split_at_midnight_CST()
    {
        // 2026-03-01 15:50Z … 16:10Z = 23:50 … 00:10 on 2 March in Guangzhou; 2 kWh every 5 minutes.
        var start = new DateTimeOffset(2026, 3, 1, 15, 50, 0, TimeSpan.Zero);
        var readings = Enumerable.Range(0, 5).Select(i => new CounterReading(start.AddMinutes(5 * i), 10 + 2 * i)).ToList();

        var quarters = CounterCalculator.QuarterHours("energy", readings, start.AddMinutes(-5), start.AddMinutes(25), [], null, Rules);
        Assert.Equal([start.AddMinutes(-5), start.AddMinutes(10)], quarters.Select(q => q.Start));
        // 15:45–16:00Z: 15:50 → 16:00, 14 − 10 = 4; covered 10 of 15 minutes. 16:00–16:15Z: 18 − 14 = 4, 16:00–16:10 covered.
        Assert.Equal([4.0, 4.0], quarters.Select(q => q.Use));

        var days = ConsumptionAggregation.Sum(ConsumptionSeries.Day, quarters);
        Assert.Equal(2, days.Count);
        // 1 March CST = 2026-02-28T16:00Z .. 2026-03-01T16:00Z: 4 kWh, 10 minutes of 1,440 covered, readings at 15:50 and 15:55.
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), days[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), days[0].End);
        Assert.Equal(4, days[0].Use, Tolerance);
        Assert.Equal(10.0 / 1440, days[0].Coverage, Tolerance);
        Assert.Equal(2, days[0].Readings);
        // 2 March CST starts 2026-03-01T16:00Z: 4 kWh, readings at 16:00, 16:05, 16:10.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), days[1].Start);
        Assert.Equal(4, days[1].Use, Tolerance);
        Assert.Equal(3, days[1].Readings);
    }
}
