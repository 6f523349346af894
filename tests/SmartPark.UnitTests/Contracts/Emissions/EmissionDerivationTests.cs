using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.UnitTests.Contracts.Emissions;

/// <summary>
/// What <see cref="EmissionDerivation"/> derives from one sampling round of a device: converted
/// concentrations and rates with the round's own auxiliaries, the combined flag, and nothing when
/// an auxiliary is missing. Every expected figure is computed by hand in the comments.
/// </summary>
public sealed class EmissionDerivationTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly EmissionSettings GasBoiler = new() { ReferenceOxygen = 3.5 };
    private static readonly EmissionSettings WetInSitu = new() { ReferenceOxygen = 3.5, WetBasis = true, ActualFlow = true };

    private static Reading R(string quantity, double value, string flag = DataFlag.Normal, string sensor = "cems-1", DateTimeOffset? ts = null) =>
        new() { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = ts ?? T, Flag = flag };

    private static Reading Derived(IReadOnlyList<Reading> derived, string quantity) => Assert.Single(derived, r => r.Quantity == quantity);

    [Fact]
    public void A_dry_cems_round_gives_the_converted_nox_and_its_rate_at_the_pollutants_sensor_and_time()
    {
        var derived = EmissionDerivation.Derive([R("nox", 150), R("o2", 6), R("flue_gas_flow", 10)], _ => GasBoiler);

        var converted = Derived(derived, "nox_converted");
        Assert.Equal(175, converted.Value!.Value, 6); // 150 × 17.5 / 15
        Assert.Equal(("cems-1", T, DataFlag.Normal, "mg/m3"), (converted.Sensor, converted.Ts!.Value, converted.Flag, converted.Unit));
        // The rate is of the measured (dry, not converted) concentration: 150 × 10 × 0.0036 = 5.4 kg/h.
        var rate = Derived(derived, "nox_rate");
        Assert.Equal(5.4, rate.Value!.Value, 6);
        Assert.Equal("kg/h", rate.Unit);
        Assert.Equal(2, derived.Count); // o2 and the flow derive nothing
    }

    [Fact]
    public void A_wet_in_situ_analyser_with_actual_flow_is_dried_and_brought_to_standard_conditions()
    {
        // Wet 135 mg/m³ and 5.4 % O₂ at 10 % water: dry 150 and 6 %, so converted 175 as above.
        // Flow 10 m³/s at 150 °C and 101.325 kPa: 5.809642 m³/s dry standard; rate 150 × 5.809642 × 0.0036 = 3.137207 kg/h.
        Reading[] round = [R("nox", 135), R("o2", 5.4), R("flue_gas_humidity", 10), R("flue_gas_flow", 10), R("flue_gas_temperature", 150), R("flue_gas_pressure", 101.325)];
        var derived = EmissionDerivation.Derive(round, _ => WetInSitu);
        Assert.Equal(175, Derived(derived, "nox_converted").Value!.Value, 6);
        Assert.Equal(3.137207, Derived(derived, "nox_rate").Value!.Value, 6);
    }

    [Fact]
    public void Wastewater_gives_rates_from_the_flow_and_no_converted_value()
    {
        // COD 80 mg/L × 5 L/s = 1.44 kg/h; ammonia nitrogen 8 × 5 × 0.0036 = 0.144 kg/h; pH has no rate.
        var derived = EmissionDerivation.Derive([R("cod", 80, sensor: "w-1"), R("ammonia_nitrogen", 8, sensor: "w-1"), R("ph", 7.2, sensor: "w-1"), R("wastewater_flow", 5, sensor: "w-1")], _ => null);
        Assert.Equal(1.44, Derived(derived, "cod_rate").Value!.Value, 6);
        Assert.Equal(0.144, Derived(derived, "ammonia_nitrogen_rate").Value!.Value, 6);
        Assert.Equal(2, derived.Count);
    }

    [Fact]
    public void Calibration_on_the_oxygen_makes_the_converted_value_a_calibration_value()
    {
        var derived = EmissionDerivation.Derive([R("nox", 150), R("o2", 6, DataFlag.Calibration), R("flue_gas_flow", 10)], _ => GasBoiler);
        Assert.Equal(DataFlag.Calibration, Derived(derived, "nox_converted").Flag);
        // The rate does not use the oxygen: still measured.
        Assert.Equal(DataFlag.Normal, Derived(derived, "nox_rate").Flag);
    }

    [Theory]
    [InlineData(new[] { "N", "N", "N" }, "N")]
    [InlineData(new[] { "N", "T", "N" }, "T")]
    [InlineData(new[] { "T", "S", "N" }, "S")]
    [InlineData(new[] { "S", "C", "N" }, "C")]
    [InlineData(new[] { "C", "M", "T" }, "M")]
    [InlineData(new[] { "M", "F", "N" }, "F")]
    [InlineData(new[] { "F", "B", "C" }, "B")]
    [InlineData(new[] { "B", "D", "T" }, "D")]
    public void The_combined_flag_is_measured_only_when_every_input_is_and_otherwise_the_worst(string[] flags, string expected) =>
        Assert.Equal(expected, EmissionDerivation.CombinedFlag(flags));

    [Fact]
    public void Missing_auxiliaries_give_nothing_rather_than_a_guess()
    {
        // No oxygen: no converted value; no flow: no rate.
        Assert.Empty(EmissionDerivation.Derive([R("nox", 150)], _ => GasBoiler));
        // Wet basis without the moisture: neither (both need the dry concentration).
        Assert.Empty(EmissionDerivation.Derive([R("nox", 135), R("o2", 5.4), R("flue_gas_flow", 10)], _ => WetInSitu with { ActualFlow = false }));
        // Actual flow without the temperature: the converted value, no rate.
        var noTemperature = EmissionDerivation.Derive([R("nox", 135), R("o2", 5.4), R("flue_gas_humidity", 10), R("flue_gas_flow", 10), R("flue_gas_pressure", 101.325)], _ => WetInSitu);
        Assert.Equal("nox_converted", Assert.Single(noTemperature).Quantity);
        // Wastewater without its flow.
        Assert.Empty(EmissionDerivation.Derive([R("cod", 80)], _ => null));
    }

    [Fact]
    public void Without_a_reference_oxygen_in_the_registry_only_the_rate_is_derived()
    {
        var derived = EmissionDerivation.Derive([R("nox", 150), R("o2", 6), R("flue_gas_flow", 10)], _ => null);
        Assert.Equal("nox_rate", Assert.Single(derived).Quantity);
    }

    [Fact]
    public void Auxiliaries_come_from_the_same_instant_and_the_same_sensor_first()
    {
        // The oxygen of another round is not used.
        Assert.Empty(EmissionDerivation.Derive([R("nox", 150), R("o2", 6, ts: T.AddSeconds(30))], _ => GasBoiler));
        // Another sensor of the device serves when the pollutant's own has none; its own wins when it has one.
        var fromOther = EmissionDerivation.Derive([R("nox", 150), R("o2", 6, sensor: "o2-probe")], _ => GasBoiler);
        Assert.Equal(175, Derived(fromOther, "nox_converted").Value!.Value, 6);
        var ownFirst = EmissionDerivation.Derive([R("nox", 150), R("o2", 11, sensor: "o2-probe"), R("o2", 6)], _ => GasBoiler);
        Assert.Equal(175, Derived(ownFirst, "nox_converted").Value!.Value, 6);
    }

    [Fact]
    public void A_round_without_a_pollutant_may_not_derive_and_derives_nothing()
    {
        Reading[] power = [R("power", 12.5, sensor: "m-1"), R("energy", 1000, sensor: "m-1")];
        Assert.False(EmissionDerivation.MayDerive(power));
        Assert.Empty(EmissionDerivation.Derive(power, _ => GasBoiler));
    }
}
