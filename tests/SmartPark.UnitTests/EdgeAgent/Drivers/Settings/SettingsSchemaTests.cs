using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Settings;

/// <summary>The one settings reader: every unknown key and every bad value, all at once, with the key.</summary>
public class SettingsSchemaTests
{
    [Theory]
    [InlineData("ads1115-transmitter", "shuntOhms", "0,1", "Settings:shuntOhms '0,1' is not a number")]
    [InlineData("ads1115-transmitter", "offset", "1,5", "Settings:offset '1,5' is not a number")]
    [InlineData("bme680", "scale", "x1.02", "Settings:scale 'x1.02' is not a number")]
    [InlineData("bme680", "temperature.offset", "-0,4", "Settings:temperature.offset '-0,4' is not a number")]
    [InlineData("ina219", "shuntOhms", "0,1", "Settings:shuntOhms '0,1' is not a number")]
    [InlineData("modbus-sdm120", "scale.current", "4O", "Settings:scale.current '4O' is not a number")]
    [InlineData("sim-voc", "processMg", "2,5", "Settings:processMg '2,5' is not a number")]
    public void A_typo_in_a_number_is_reported_not_replaced_by_the_default(string driver, string key, string value, string message)
    {
        var sensor = Options(driver, [.. Minimal(driver), (key, value)]);
        Assert.Equal(message, Assert.Single(DriverCatalogue.Problems(sensor)));
        // The opening path refuses it too, naming the sensor: the agent stops at start-up.
        var ex = Assert.Throws<ArgumentException>(() => DriverCatalogue.Open(sensor, DriverContext.Simulation()));
        Assert.StartsWith($"Sensor 's1' ({driver}): {message}", ex.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_unknown_keys_included()
    {
        var sensor = Options("mq-gas", ("r0Ohms", "10k"), ("shuntOhms", "150"), ("chanel", "1"), ("channel", "4"), ("temperature.offset", "1"));

        var problems = DriverCatalogue.Problems(sensor);

        Assert.Equal(5, problems.Count);
        Assert.Contains("Settings:r0Ohms '10k' is not a number", problems);
        Assert.Contains(problems, p => p.StartsWith("Settings:shuntOhms is not a setting of mq-gas (it reads ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:chanel is not a setting of mq-gas", StringComparison.Ordinal));
        Assert.Contains("Settings:channel '4' must be a whole number 0..3", problems);
        Assert.Contains("Settings:temperature.offset calibrates 'temperature', which this driver does not read (gas_lel)", problems);
    }

    [Fact]
    public void A_missing_required_key_says_what_it_is()
    {
        Assert.Equal("Settings:deviceId is missing (the probe's 1-Wire id, e.g. 28-0000071e8a2c)", Assert.Single(DriverCatalogue.Problems(Options("ds18b20"))));
    }

    [Theory]
    [InlineData("0x44", null)]
    [InlineData("68", null)]
    [InlineData("0x78", "Settings:address '0x78' is outside 0x03..0x77")]
    [InlineData("0x4G", "Settings:address '0x4G' is not a whole number")]
    public void I2c_addresses_are_read_as_hex_or_decimal_and_range_checked(string address, string? problem)
    {
        var schema = new SettingsSchema(CommonSettings.I2c(0x44));
        var problems = schema.Problems(Options("x", ("address", address)), []);
        Assert.Equal(problem is null ? [] : [problem], problems);
    }

    [Fact]
    public void A_blank_value_is_absent_so_the_default_applies()
    {
        var sensor = Options("bme680", ("scale", " "));
        Assert.Empty(DriverCatalogue.Problems(sensor));
        Assert.Equal(1, sensor.GetDouble("scale", 1));
    }

    [Fact]
    public void The_getters_drivers_call_never_fall_back_silently_on_a_typo()
    {
        var sensor = new SensorOptions { Id = "meter-1", Driver = "ina219", Settings = { ["shuntOhms"] = "0,1", ["flag"] = "yes", ["bus"] = "one" } };
        Assert.Equal("Sensor 'meter-1' (ina219): Settings:shuntOhms '0,1' is not a number", Assert.Throws<ArgumentException>(() => sensor.GetDouble("shuntOhms", 0.1)).Message);
        Assert.Contains("'yes' is not true or false", Assert.Throws<ArgumentException>(() => sensor.GetBool("flag", false)).Message);
        Assert.Contains("Settings:bus 'one' is not a whole number", Assert.Throws<ArgumentException>(() => sensor.GetInt("bus", 1)).Message);
        Assert.Equal(0.1, sensor.GetDouble("absent", 0.1));
    }

    private static (string, string)[] Minimal(string driver) => driver switch
    {
        "ads1115-transmitter" => [("rangeHigh", "50")],
        "mq-gas" => [("r0Ohms", "10000")],
        _ => [],
    };
}
