using SmartPark.Contracts.Registry;
using SmartPark.Uplink.Data;

namespace SmartPark.UnitTests.Uplink;

/// <summary>Each uploaded value is written with the decimals of its quantity's HJ 212 format (the catalogue's <c>Hj212Factor</c>).</summary>
public class ValueFormatTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 8, 40, 0);

    [Theory]
    [InlineData(12.345, 1, "12.3")]
    [InlineData(12.35, 1, "12.4")]       // half away from zero, as before
    [InlineData(-0.04, 1, "0")]          // no negative zero at any precision
    [InlineData(7.5, 0, "8")]
    [InlineData(1.2345, 3, "1.235")]
    public void A_number_has_at_most_its_formats_decimals(double value, int decimals, string expected) =>
        Assert.Equal(expected, CpBuilder.Number(value, decimals));

    [Fact]
    public void A_source_takes_its_decimals_from_its_quantity()
    {
        Assert.Equal(3, new PollutantSource("a24088", "nmhc", "voc-1").Decimals);
        // A quantity without a factor, mapped by the registry to a bureau's code, keeps three.
        Assert.Equal(3, new PollutantSource("a01012", "temperature", "t-1").Decimals);
    }

    [Fact]
    public void Real_time_and_period_data_write_each_value_to_its_own_decimals()
    {
        Assert.Equal("DataTime=20261124084017;a24088-Rtd=1.235,a24088-Flag=N;w00000-Rtd=3.5,w00000-Flag=N",
            CpBuilder.RealTime(Start.AddSeconds(17), [("a24088", 1.2345, "N", 3), ("w00000", 3.456, "N", 1)]));
        Assert.Equal("DataTime=20261124084000;a24088-Min=1,a24088-Avg=2.5,a24088-Max=4.3,a24088-Flag=N",
            CpBuilder.Period(Start, [new PollutantValue("a24088", 2.5, 1, 4.25, 12, "N", Decimals: 1)]));
    }
}
