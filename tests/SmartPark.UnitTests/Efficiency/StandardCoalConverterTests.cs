using SmartPark.Contracts.Quantities;
using SmartPark.Efficiency.StandardCoal;

namespace SmartPark.UnitTests.Efficiency;

public sealed class StandardCoalConverterTests
{
    [Fact]
    public void Electricity_uses_the_calorific_equivalent_by_default_and_the_equal_value_when_configured()
    {
        var calorific = new StandardCoalConverter(new StandardCoalOptions());
        Assert.Equal(122.9, calorific.ToKgce(QuantityCatalogue.Energy, 1000), 9);

        var equalValue = new StandardCoalConverter(new StandardCoalOptions { ElectricityBasis = StandardCoalOptions.EqualValueBasis, ElectricityEqualValue = 0.3 });
        Assert.Equal(300, equalValue.ToKgce(QuantityCatalogue.Energy, 1000), 9);
    }

    [Fact]
    public void Gas_and_steam_convert_and_water_is_not_energy()
    {
        var converter = new StandardCoalConverter(new StandardCoalOptions());
        Assert.Equal(1214.3, converter.ToKgce(QuantityCatalogue.GasVolume, 1000), 9);
        Assert.Equal(1286, converter.ToKgce(QuantityCatalogue.SteamMass, 10), 9);
        Assert.Null(converter.Coefficient(QuantityCatalogue.WaterVolume));
        Assert.Equal(0, converter.ToKgce(QuantityCatalogue.WaterVolume, 500));

        // 100,000 kWh + 10,000 m³ gas + 100 t steam = 12.29 + 12.143 + 12.86 tce.
        Assert.Equal(37.293, converter.ToTce([(QuantityCatalogue.Energy, 100_000), (QuantityCatalogue.GasVolume, 10_000), (QuantityCatalogue.SteamMass, 100)]), 9);
    }
}
