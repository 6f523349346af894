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
    [InlineData("nox", "mg/m3")]
    [InlineData("residual_current", "mA")]
    [InlineData("cable_temperature", "degC")]
    [InlineData("arc_fault", "bool")]
    [InlineData("h2s", "ppm")]
    [InlineData("co_ambient", "ppm")]
    [InlineData("nh3", "ppm")]
    [InlineData("cl2", "ppm")]
    [InlineData("fire_water_pressure", "MPa")]
    [InlineData("fire_water_level", "m")]
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
    public void Only_the_detectors_are_two_state()
    {
        Assert.Equal(["smoke", "flame", "arc_fault"], QuantityCatalogue.All.Where(q => q.IsBoolean).Select(q => q.Name));
    }

    [Fact]
    public void Every_quantity_has_both_titles()
    {
        // Moved from TranslationsTests: the Dashboard shows these (GET /api/quantities), not dictionary entries.
        Assert.All(QuantityCatalogue.All, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Title.Zh), q.Name);
            Assert.False(string.IsNullOrWhiteSpace(q.Title.En), q.Name);
        });
        Assert.Equal(("非甲烷总烃", "NMHC"), (QuantityCatalogue.Nmhc.Title.Zh, QuantityCatalogue.Nmhc.Title.En));
    }

    [Fact]
    public void Safety_quantities_stay_apart_from_their_namesakes()
    {
        // Flue-gas CO (mg/m3, judged at reference oxygen) and ambient CO (ppm, a toxic-gas detector) are two quantities,
        // and a cable's temperature is not ambient temperature: no rule of one ever judges the other.
        Assert.NotEqual(QuantityCatalogue.Co.Unit, QuantityCatalogue.CoAmbient.Unit);
        Assert.False(QuantityCatalogue.CoAmbient.AtReferenceOxygen);
        Assert.Equal(QuantityKind.Safety, QuantityCatalogue.CableTemperature.Kind);
        Assert.NotSame(QuantityCatalogue.Temperature, QuantityCatalogue.Get("cable_temperature"));
        Assert.All([QuantityCatalogue.ResidualCurrent, QuantityCatalogue.H2s, QuantityCatalogue.FireWaterPressure, QuantityCatalogue.FireWaterLevel],
            q => Assert.Null(q.Hj212));
    }

    [Fact]
    public void All_lists_every_entry_once_in_the_order_of_the_catalogue()
    {
        Assert.Equal(
            ["nmhc", "tvoc", "co2", "pm25", "pm10", "temperature", "humidity", "smoke", "flame", "gas_lel", "power", "energy", "voltage", "current", "pressure", "gas_resistance"],
            QuantityCatalogue.All.Select(q => q.Name).Take(16));
        Assert.Same(QuantityCatalogue.GasResistance, QuantityCatalogue.Get("gas_resistance"));
    }

    [Fact]
    public void Hj212_factors_are_well_formed_and_each_code_names_one_quantity()
    {
        var factors = QuantityCatalogue.All.Where(q => q.Hj212 is not null).Select(q => q.Hj212!).ToList();
        Assert.All(factors, f => Assert.True(f.IsWellFormed, $"{f.Code} {f.Format}"));
        Assert.Equal(factors.Count, factors.Select(f => f.Code).Distinct().Count());
        Assert.Equal(new Hj212Factor("a24088", "N7.3"), QuantityCatalogue.Nmhc.Hj212);
        Assert.Equal(3, QuantityCatalogue.Nmhc.Hj212Decimals);
        // A quantity without a factor keeps three decimals, as every upload had before formats were known.
        Assert.Null(QuantityCatalogue.Temperature.Hj212);
        Assert.Equal(Hj212Factor.DefaultDecimals, QuantityCatalogue.Temperature.Hj212Decimals);
    }

    [Theory]
    [InlineData("N7.3", 3)]
    [InlineData("N5.1", 1)]
    [InlineData("N4", 0)]
    public void An_annex_b_format_gives_its_decimals(string format, int decimals)
    {
        var factor = new Hj212Factor("a00000", format);
        Assert.True(factor.IsWellFormed);
        Assert.Equal(decimals, factor.Decimals);
    }

    [Theory]
    [InlineData("A24088", "N7.3")]
    [InlineData("a2408", "N7.3")]
    [InlineData("a24088", "7.3")]
    [InlineData("a24088", "N7.33")]
    public void A_malformed_factor_is_caught(string code, string format) =>
        Assert.False(new Hj212Factor(code, format).IsWellFormed);

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
