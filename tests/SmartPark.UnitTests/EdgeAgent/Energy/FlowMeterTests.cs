using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.FlowMeter;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary><c>modbus-flow-meter</c>: a water, gas or steam totaliser wherever the meter's maker put it.</summary>
public sealed class FlowMeterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static SensorOptions Sensor(params (string Key, string Value)[] settings)
    {
        var sensor = new SensorOptions { Id = "water-main", Driver = FlowMeterDescriptor.DriverName, Settings = { ["port"] = "/dev/ttyAMA0" } };
        foreach (var (key, value) in settings)
            sensor.Settings[key] = value;
        return sensor;
    }

    private static IReadOnlyList<SensorValue> Read(SensorOptions sensor, RegisterBank bank)
    {
        var map = FlowMeterDescriptor.Map(sensor);
        using var driver = new ModbusMeterDriver(sensor.Id, SharedBus<ModbusClient>.Private(new ModbusClient(new BankTransport(bank))), 1, map, MeterCalibration.From(sensor, map.Quantities));
        return driver.Read(At);
    }

    [Fact]
    public void A_water_meter_totaliser_in_float_holding_registers_reads_in_cubic_metres()
    {
        var sensor = Sensor(("quantity", "water_volume"), ("totalRegister", "0x0010"));
        var bank = new RegisterBank();
        bank.SetFloat(bank.Holding, 0x0010, 8_765.432f);

        Assert.Empty(DriverFactory.Validate(sensor));
        var value = Assert.Single(Read(sensor, bank));

        Assert.Equal(("water_volume", 8_765.432), (value.Quantity, value.Value));
        Assert.Equal(["water_volume"], DriverCatalogue.QuantitiesOf(sensor));
        Assert.Equal(1, bank.Requests);
    }

    [Fact]
    public void A_steam_meter_counting_kilograms_in_a_low_first_uint32_input_register_reads_in_tonnes()
    {
        var sensor = Sensor(("quantity", "steam_mass"), ("totalRegister", "4112"), ("totalFormat", "uint32"), ("totalWordOrder", "low-first"),
            ("totalFunction", "input"), ("totalScale", "0.001"));
        var bank = new RegisterBank();
        bank.Input[4112] = 0x614E;   // 12,345,678 kg = 0x00BC_614E, low word first
        bank.Input[4113] = 0x00BC;

        Assert.Empty(DriverFactory.Validate(sensor));
        var value = Assert.Single(Read(sensor, bank));

        Assert.Equal("steam_mass", value.Quantity);
        Assert.Equal(12_345.678, value.Value, precision: 6);
    }

    [Fact]
    public void A_gas_meter_calibration_applies_to_its_quantity()
    {
        var sensor = Sensor(("quantity", "gas_volume"), ("totalRegister", "0"), ("totalFormat", "uint16"), ("scale.gas_volume", "0.1"));
        var bank = new RegisterBank();
        bank.Holding[0] = 54_321;

        Assert.Empty(DriverFactory.Validate(sensor));
        Assert.Equal(5_432.1, Assert.Single(Read(sensor, bank)).Value, precision: 6);
    }

    [Fact]
    public void Its_settings_mistakes_are_reported_by_key()
    {
        Assert.Equal(
            ["Settings:quantity is missing (what the meter totals, in m³ (water, gas at standard conditions) or t (steam))",
             "Settings:totalRegister is missing (the register of the totaliser counter, decimal or 0x hex, as the meter's manual numbers it from 0)"],
            DriverFactory.Validate(Sensor()));
        Assert.Equal(["Settings:quantity 'energy' is not one of water_volume, gas_volume, steam_mass"],
            DriverFactory.Validate(Sensor(("quantity", "energy"), ("totalRegister", "1"))));
        Assert.Equal(["Settings has both port (RTU) and host (TCP); keep the one the meter is wired to"],
            DriverFactory.Validate(Sensor(("quantity", "water_volume"), ("totalRegister", "1"), ("host", "10.0.0.9"))));
        Assert.Equal(["Settings:totalScale '-1' must be a positive number"],
            DriverFactory.Validate(Sensor(("quantity", "water_volume"), ("totalRegister", "1"), ("totalScale", "-1"))));
    }
}
