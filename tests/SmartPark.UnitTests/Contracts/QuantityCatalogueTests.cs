using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.UnitTests.Contracts;

public class QuantityCatalogueTests
{
    [Theory]
    [InlineData("nmhc", "mg/m3")]
    [InlineData("tvoc", "mg/m3")]
    [InlineData("co2", "ppm")]
    [InlineData("pm25", "ug/m3")]
    [InlineData("temperature", "degC")]
    [InlineData("humidity", "%RH")]
    [InlineData("smoke", "bool")]
    [InlineData("flame", "bool")]
    [InlineData("gas_lel", "%LEL")]
    [InlineData("power", "kW")]
    [InlineData("energy", "kWh")]
    [InlineData("voltage", "V")]
    [InlineData("current", "A")]
    public void Each_quantity_has_one_canonical_unit(string name, string unit)
    {
        Assert.True(QuantityCatalogue.TryGet(name, out var q));
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void Names_are_unique_and_unknown_names_are_not_found()
    {
        Assert.Equal(QuantityCatalogue.All.Count, QuantityCatalogue.All.Select(q => q.Name).Distinct().Count());
        Assert.False(QuantityCatalogue.TryGet("NMHC", out _));
        Assert.False(QuantityCatalogue.TryGet(null, out _));
        Assert.Throws<KeyNotFoundException>(() => QuantityCatalogue.Get("radon"));
    }

    [Fact]
    public void Only_smoke_and_flame_are_two_state()
    {
        Assert.Equal(["smoke", "flame"], QuantityCatalogue.All.Where(q => q.IsBoolean).Select(q => q.Name));
    }

    [Fact]
    public void Data_flags_are_the_eight_of_hj212()
    {
        Assert.Equal(["N", "F", "M", "S", "D", "C", "T", "B"], DataFlag.All);
        Assert.True(DataFlag.IsValid("T"));
        Assert.False(DataFlag.IsValid("n"));
        Assert.False(DataFlag.IsValid("NN"));
        Assert.False(DataFlag.IsValid(null));
    }
}
