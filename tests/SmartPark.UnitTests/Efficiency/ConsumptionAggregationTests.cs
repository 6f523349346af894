using SmartPark.Contracts.Consumption;
using SmartPark.Efficiency.Consumption;

namespace SmartPark.UnitTests.Efficiency;

public sealed class ConsumptionAggregationTests
{
    private static ConsumptionAmount Quarter(DateTimeOffset start, double use, double coverage, string flags, long readings) =>
        new(start, start.AddMinutes(15), use, coverage, ConsumptionAmount.ParseFlags(flags), readings);

    [Fact]
    public void An_hour_sums_its_quarters_weights_coverage_by_time_and_unites_flags()
    {
        var hour = new DateTimeOffset(2026, 5, 4, 3, 0, 0, TimeSpan.Zero);
        // Three of the four quarters present: 1.5 + 2 + 0.5 = 4 kWh; coverage (1 + 0.5 + 0) × 15 / 60 = 0.375.
        var sums = ConsumptionAggregation.Sum(ConsumptionSeries.Hour,
        [
            Quarter(hour, 1.5, 1, "", 15),
            Quarter(hour.AddMinutes(15), 2, 0.5, "gap,reset", 8),
            Quarter(hour.AddMinutes(45), 0.5, 0, "gap,jump", 0),
        ]);

        var sum = Assert.Single(sums);
        Assert.Equal(hour, sum.Start);
        Assert.Equal(hour.AddHours(1), sum.End);
        Assert.Equal(4, sum.Use, 1e-12);
        Assert.Equal(0.375, sum.Coverage, 1e-12);
        Assert.Equal("reset,gap,jump", sum.FlagText);
        Assert.Equal(23, sum.Readings);
    }

    [Fact]
    public void A_year_of_months_weights_each_month_by_its_length()
    {
        // February 2026 (28 days) fully covered, March (31 days) not at all: (28 × 1 + 31 × 0) / 365 days.
        var february = ConsumptionSeries.PeriodStart(ConsumptionSeries.Month, new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero));
        var march = ConsumptionSeries.PeriodEnd(ConsumptionSeries.Month, february);
        var year = Assert.Single(ConsumptionAggregation.Sum(ConsumptionSeries.Year,
        [
            new ConsumptionAmount(february, march, 1000, 1, [], 40_320),
            new ConsumptionAmount(march, ConsumptionSeries.PeriodEnd(ConsumptionSeries.Month, march), 0, 0, [ConsumptionFlag.Gap], 0),
        ]));

        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), year.Start);
        Assert.Equal(1000, year.Use);
        Assert.Equal(28.0 / 365, year.Coverage, 1e-12);
        Assert.Equal("gap", year.FlagText);
    }

    [Fact]
    public void Flags_parse_to_the_canonical_order_and_drop_unknown_names()
    {
        Assert.Equal([ConsumptionFlag.Reset, ConsumptionFlag.Gap], ConsumptionAmount.ParseFlags("gap, reset,bogus,gap"));
        Assert.Empty(ConsumptionAmount.ParseFlags(""));
    }
}
