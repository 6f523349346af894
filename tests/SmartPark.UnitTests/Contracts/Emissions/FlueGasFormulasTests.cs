using SmartPark.Contracts.Emissions;

namespace SmartPark.UnitTests.Contracts.Emissions;

/// <summary>The conversions of HJ 75-2017 and GB/T 16157-1996 against worked examples computed by hand in the comments.</summary>
public sealed class FlueGasFormulasTests
{
    private const int Digits = 6;

    [Fact]
    public void A_gas_boiler_reading_at_6_percent_oxygen_is_175_at_the_reference_3_5_percent()
    {
        // 150 × (21 − 3.5) / (21 − 6) = 150 × 17.5 / 15 = 175.
        Assert.Equal(175, FlueGasFormulas.AtReferenceOxygen(150, 6, 3.5)!.Value, Digits);
    }

    [Fact]
    public void A_coal_boiler_reading_is_converted_to_9_percent_up_and_down()
    {
        // Above the reference (diluted): 200 × (21 − 9) / (21 − 12) = 200 × 12 / 9 = 266.666…
        Assert.Equal(266.666667, FlueGasFormulas.AtReferenceOxygen(200, 12, 9)!.Value, Digits);
        // Below it (a rich fire): 300 × 12 / (21 − 6) = 240, lower than measured.
        Assert.Equal(240, FlueGasFormulas.AtReferenceOxygen(300, 6, 9)!.Value, Digits);
        // At the reference, unchanged.
        Assert.Equal(123.4, FlueGasFormulas.AtReferenceOxygen(123.4, 9, 9)!.Value, Digits);
    }

    [Fact]
    public void Oxygen_near_air_is_clamped_at_19_percent_rather_than_dividing_by_almost_nothing()
    {
        // 10 × 17.5 / (21 − 19) = 87.5 for any O₂ from 19 % up, never 10 × 17.5 / 0.5 = 350.
        Assert.Equal(87.5, FlueGasFormulas.AtReferenceOxygen(10, 20.5, 3.5)!.Value, Digits);
        Assert.Equal(87.5, FlueGasFormulas.AtReferenceOxygen(10, 21, 3.5)!.Value, Digits);
        Assert.Equal(87.5, FlueGasFormulas.AtReferenceOxygen(10, 19, 3.5)!.Value, Digits);
        // Just under the ceiling it is the plain formula: 10 × 17.5 / 2.5 = 70.
        Assert.Equal(70, FlueGasFormulas.AtReferenceOxygen(10, 18.5, 3.5)!.Value, Digits);
    }

    [Fact]
    public void A_reference_oxygen_outside_0_to_20_or_a_negative_oxygen_gives_nothing()
    {
        Assert.Null(FlueGasFormulas.AtReferenceOxygen(100, 6, 21));
        Assert.Null(FlueGasFormulas.AtReferenceOxygen(100, 6, -1));
        Assert.Null(FlueGasFormulas.AtReferenceOxygen(100, -0.1, 3.5));
    }

    [Fact]
    public void Wet_to_dry_divides_by_one_minus_the_water_fraction()
    {
        // 100 / (1 − 0.10) = 111.111…; 54 / (1 − 0.25) = 72; dry gas is unchanged.
        Assert.Equal(111.111111, FlueGasFormulas.Dry(100, 10)!.Value, Digits);
        Assert.Equal(72, FlueGasFormulas.Dry(54, 25)!.Value, Digits);
        Assert.Equal(80, FlueGasFormulas.Dry(80, 0)!.Value, Digits);
        Assert.Null(FlueGasFormulas.Dry(100, 100));
        Assert.Null(FlueGasFormulas.Dry(100, -1));
    }

    [Fact]
    public void Actual_flow_is_brought_to_dry_standard_conditions()
    {
        // 10 m³/s at 150 °C, 101.325 kPa, 10 % water: 10 × 273.15 / 423.15 × 1 × 0.9 = 5.809642…
        Assert.Equal(5.809642, FlueGasFormulas.StandardDryFlow(10, 150, 101.325, 10)!.Value, Digits);
        // The same at 98.0 kPa absolute (a stack under suction): 5.809642 × 98 / 101.325 = 5.618997…
        Assert.Equal(5.618997, FlueGasFormulas.StandardDryFlow(10, 150, 98.0, 10)!.Value, Digits);
        // At 0 °C, one atmosphere and dry it is unchanged.
        Assert.Equal(10, FlueGasFormulas.StandardDryFlow(10, 0, 101.325, 0)!.Value, Digits);
    }

    [Fact]
    public void Impossible_stack_conditions_give_no_flow()
    {
        Assert.Null(FlueGasFormulas.StandardDryFlow(10, -273.15, 101.325, 10)); // absolute zero
        Assert.Null(FlueGasFormulas.StandardDryFlow(10, 150, 0, 10));
        Assert.Null(FlueGasFormulas.StandardDryFlow(10, 150, 101.325, 100));
    }

    [Fact]
    public void Rates_in_kilograms_an_hour_for_flue_gas_and_water()
    {
        // Flue gas: 150 mg/m³ × 10 m³/s = 1,500 mg/s = 5.4 kg/h.
        Assert.Equal(5.4, FlueGasFormulas.RateKgPerHour(150, 10), Digits);
        // Water: 80 mg/L COD × 5 L/s = 400 mg/s = 1.44 kg/h.
        Assert.Equal(1.44, FlueGasFormulas.RateKgPerHour(80, 5), Digits);
        Assert.Equal(0, FlueGasFormulas.RateKgPerHour(80, 0), Digits);
    }
}
