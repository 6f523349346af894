using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;

namespace SmartPark.UnitTests.Efficiency;

public sealed class ConsumptionSeriesTests
{
    [Fact]
    public void Counting_quantities_are_the_meters_registers()
    {
        Assert.Equal(["energy", "gas_volume", "steam_mass", "water_volume"], QuantityCatalogue.Counters.Select(q => q.Name));
        Assert.False(QuantityCatalogue.Power.IsCounter);
        Assert.Equal("energy_use_15m", ConsumptionSeries.Measurement("energy", ConsumptionSeries.QuarterHour));
        Assert.Equal("water_volume_use_1mo", ConsumptionSeries.Measurement("water_volume", ConsumptionSeries.Month));
    }

    [Fact]
    public void Days_months_and_years_start_at_midnight_China_Standard_Time()
    {
        // 2026-03-31 17:05 UTC is 2026-04-01 01:05 in Guangzhou: April, not March.
        var at = new DateTimeOffset(2026, 3, 31, 17, 5, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, at));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodStart(ConsumptionSeries.Hour, at));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, at));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodStart(ConsumptionSeries.Month, at));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodStart(ConsumptionSeries.Year, at));

        var april = ConsumptionSeries.PeriodStart(ConsumptionSeries.Month, at);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero), ConsumptionSeries.PeriodEnd(ConsumptionSeries.Month, april));
        Assert.Equal(at.AddMinutes(10), ConsumptionSeries.PeriodEnd(ConsumptionSeries.QuarterHour, ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, at)));
    }
}
