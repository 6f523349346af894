using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.AnalogTransmitter;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.UnitTests.EdgeAgent.Drivers.Ads1115;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.AnalogTransmitter;

public class AnalogTransmitterDriverTests
{
    private readonly FakeAds1115 _chip = new(0x48);
    private readonly FakeHardware _hardware = new();

    public AnalogTransmitterDriverTests() => _hardware.I2c[(1, 0x48)] = () => _chip;

    private AnalogTransmitterDriver Driver(params (string, string)[] settings) =>
        new(Options("ads1115-transmitter", [("rangeHigh", "50"), .. settings]), _hardware);

    private static double Volts(double milliamps, double shuntOhms = 150) => milliamps / 1000 * shuntOhms;

    [Theory]
    [InlineData(4.0, 0.0)]
    [InlineData(12.0, 25.0)]
    [InlineData(20.0, 50.0)]
    [InlineData(7.2, 10.0)]
    public void A_4_to_20_mA_nmhc_transmitter_reads_in_mg_per_m3(double milliamps, double expected)
    {
        _chip.InputVolts[0] = Volts(milliamps);
        var value = Assert.Single(Driver().Read(At));
        Assert.Equal("nmhc", value.Quantity);
        Assert.Equal(expected, value.Value, 2);
        Assert.Equal(DataFlag.Normal, value.Flag);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(22.0)]
    public void A_loop_current_outside_namur_limits_is_a_fault_naming_the_channel(double milliamps)
    {
        _chip.InputVolts[1] = Volts(milliamps);
        var ex = Assert.Throws<IOException>(() => Driver(("channel", "1")).Read(At));
        Assert.Contains("AIN1", ex.Message);
        Assert.Contains("broken wire", ex.Message);
    }

    [Fact]
    public void Above_20_mA_but_below_the_fault_limit_is_flagged_over_range()
    {
        _chip.InputVolts[0] = Volts(20.6);
        var value = Assert.Single(Driver().Read(At));
        Assert.Equal(DataFlag.OverRange, value.Flag);
        Assert.Equal(51.875, value.Value, 2);
    }

    [Fact]
    public void A_0_to_10_V_transmitter_reads_through_its_divider()
    {
        // 7.5 V out of the transmitter, divided by 3 to 2.5 V at the ADC: 75 % of 0–50.
        _chip.InputVolts[2] = 2.5;
        var value = Assert.Single(Driver(("signal", "0-10V"), ("channel", "2"), ("dividerRatio", "3")).Read(At));
        Assert.Equal(37.5, value.Value, 2);
    }

    [Fact]
    public void A_ppm_ranged_transmitter_converts_with_the_molar_mass()
    {
        // 0–100 ppm of toluene (92.14 g/mol) at 12 mA = 50 ppm = 50 × 92.14 / 24.45 mg/m³.
        _chip.InputVolts[0] = Volts(12);
        var value = Assert.Single(new AnalogTransmitterDriver(
            Options("ads1115-transmitter", ("rangeHigh", "100"), ("rangeUnit", "ppm"), ("molarMass", "92.14"), ("quantity", "tvoc")), _hardware).Read(At));
        Assert.Equal("tvoc", value.Quantity);
        Assert.Equal(50 * 92.14 / 24.45, value.Value, tolerance: 0.02); // ADC quantisation
    }

    [Fact]
    public void Two_point_field_calibration_and_offset_apply_in_order()
    {
        // Zero gas gave 4.4 mA, 40 mg/m³ span gas gave 17.2 mA; then a −0.5 offset from a co-location.
        _chip.InputVolts[0] = Volts(10.8);
        var value = Assert.Single(Driver(("point1", "4.4:0"), ("point2", "17.2:40"), ("offset", "-0.5")).Read(At));
        Assert.Equal(20 - 0.5, value.Value, 2);
    }

    [Fact]
    public void Missing_range_is_a_settings_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalogTransmitterDriver(Options("ads1115-transmitter"), _hardware));
        Assert.Contains("rangeHigh", ex.Message);
    }

    [Fact]
    public void A_boolean_quantity_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Driver(("quantity", "smoke")));
        Assert.Contains("smoke", ex.Message);
    }

    [Fact]
    public void Every_measured_quantity_of_the_catalogue_is_allowed_and_derived_counting_and_boolean_ones_are_refused_by_check_config()
    {
        var allowed = AnalogTransmitterDescriptor.Quantities;
        foreach (var name in new[] { "nmhc", "nox", "so2", "o2", "particulate", "flue_gas_flow", "flue_gas_temperature", "flue_gas_pressure",
            "flue_gas_humidity", "cod", "ammonia_nitrogen", "total_phosphorus", "total_nitrogen", "ph", "wastewater_flow", "benzene" })
        {
            Assert.Contains(name, allowed);
            Assert.Empty(DriverCatalogue.Problems(Options("ads1115-transmitter", ("rangeHigh", "50"), ("quantity", name))));
        }
        Assert.All(QuantityCatalogue.All.Where(q => q.IsDerived || q.IsCounter || q.IsBoolean), q => Assert.DoesNotContain(q.Name, allowed));

        Assert.Equal(["Settings:quantity 'nox_converted' is derived by Ingest from nox, never measured: measure nox"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("rangeHigh", "50"), ("quantity", "nox_converted"))));
        Assert.Equal(["Settings:quantity 'cod_rate' is derived by Ingest from cod, never measured: measure cod"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("rangeHigh", "50"), ("quantity", "cod_rate"))));
        Assert.Equal(["Settings:quantity 'energy' is a counting register (a meter's total), not a loop signal"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("rangeHigh", "50"), ("quantity", "energy"))));
        Assert.Equal(["Settings:quantity 'smoke' is a detector's on/off state, not a loop signal"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("rangeHigh", "50"), ("quantity", "smoke"))));
    }

    [Fact]
    public void A_flue_gas_temperature_transmitter_reads_in_its_own_unit_and_below_zero()
    {
        // 4–20 mA = −40..360 °C: 6 mA is 10 °C, 4.4 mA is −30 °C (a concentration would stop at 0).
        _chip.InputVolts[0] = Volts(6);
        var sensor = Options("ads1115-transmitter", ("quantity", "flue_gas_temperature"), ("rangeLow", "-40"), ("rangeHigh", "360"));
        Assert.Empty(DriverCatalogue.Problems(sensor));
        Assert.Equal(("flue_gas_temperature", 10.0), Rounded(new AnalogTransmitterDriver(sensor, _hardware).Read(At)));
        _chip.InputVolts[0] = Volts(4.4);
        Assert.Equal(("flue_gas_temperature", -30.0), Rounded(new AnalogTransmitterDriver(sensor, _hardware).Read(At)));

        Assert.Equal(["Settings:rangeUnit 'ppm' converts a gas into mg/m3, but flue_gas_temperature is in degC"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("quantity", "flue_gas_temperature"), ("rangeHigh", "360"), ("rangeUnit", "ppm"), ("molarMass", "1"))));
        Assert.Equal(["Settings:rangeUnit 'mg/m3' is not the unit of ph (pH)"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("quantity", "ph"), ("rangeHigh", "14"), ("rangeUnit", "mg/m3"))));
        Assert.Equal(["Settings:molarMass is missing (g/mol of the gas, required with rangeUnit ppm)"],
            DriverCatalogue.Problems(Options("ads1115-transmitter", ("quantity", "so2"), ("rangeHigh", "100"), ("rangeUnit", "ppm"))));
    }

    private static (string, double) Rounded(IReadOnlyList<SensorValue> values) =>
        Assert.Single(values) is var v ? (v.Quantity, Math.Round(v.Value, 1)) : default;

    [Fact]
    public void Through_the_factory_a_missing_bus_reports_D_and_the_agent_goes_on()
    {
        var hardware = new FakeHardware();
        var context = TestContexts.Create(hardware);
        var driver = DriverFactory.Create(Options("ads1115-transmitter", ("rangeHigh", "50"), ("bus", "3")), context);
        var value = Assert.Single(driver.Read(At));
        Assert.Equal(("nmhc", DataFlag.Fault), (value.Quantity, value.Flag));
    }
}
