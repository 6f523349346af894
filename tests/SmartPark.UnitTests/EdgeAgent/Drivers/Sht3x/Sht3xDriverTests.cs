using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Sht3x;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Sht3x;

public class Sht3xDriverTests
{
    private static Sht3xDriver Driver(FakeSht3x chip, params (string, string)[] settings) => new(Options("sht3x", settings), chip);

    [Fact]
    public void A_single_shot_measurement_converts_to_celsius_and_percent()
    {
        var chip = new FakeSht3x();
        var values = Driver(chip).Read(At);
        Assert.Equal([("temperature", 25.0), ("humidity", 50.0)], values.Select(v => (v.Quantity, v.Value)));
        Assert.All(values, v => Assert.Equal(DataFlag.Normal, v.Flag));
        Assert.Equal([Sht3xDriver.SingleShotHighRepeatability], chip.Commands);
        Assert.Equal([0x24, 0x00], chip.Writes.Single());
    }

    [Theory]
    [InlineData(0x0000, 0x0000, -45.0, 0.0)]
    [InlineData(0xFFFF, 0xFFFF, 130.0, 100.0)]
    [InlineData(0x4CCD, 0x2000, 7.5, 12.5)]
    public void The_datasheet_formulas_span_the_range(int rawT, int rawRh, double celsius, double percent)
    {
        var chip = new FakeSht3x { RawTemperature = (ushort)rawT, RawHumidity = (ushort)rawRh };
        Assert.Equal([celsius, percent], Driver(chip).Read(At).Select(v => v.Value));
    }

    [Theory]
    [InlineData(0, "temperature word")]
    [InlineData(1, "humidity word")]
    public void A_crc_error_names_the_word_and_the_bytes(int word, string message)
    {
        var chip = new FakeSht3x { CorruptWord = word };
        var ex = Assert.Throws<InvalidDataException>(() => Driver(chip).Read(At));
        Assert.Contains(message, ex.Message);
        Assert.Contains("6666", ex.Message);
    }

    [Fact]
    public void Per_quantity_calibration_applies()
    {
        var values = Driver(new FakeSht3x(), ("temperature.offset", "-0.5"), ("humidity.scale", "1.1")).Read(At);
        Assert.Equal([24.5, 55.0], values.Select(v => v.Value));
    }

    [Fact]
    public void Through_the_catalogue_it_opens_at_the_alternate_address_on_the_fake_bus()
    {
        var chip = new FakeSht3x(Sht3xDriver.AlternateAddress);
        var hardware = new FakeHardware();
        hardware.I2c[(1, Sht3xDriver.AlternateAddress)] = () => chip;
        var sensor = Options("sht3x", ("address", "0x45"));

        var driver = DriverFactory.Create(sensor, TestContexts.Create(hardware));

        Assert.IsType<ResilientDriver>(driver);
        Assert.Equal(["temperature", "humidity"], driver.Quantities);
        Assert.Equal([DataFlag.Normal, DataFlag.Normal], driver.Read(At).Select(v => v.Flag));
    }

    [Fact]
    public void Without_the_chip_it_reports_both_quantities_flagged_D()
    {
        var driver = DriverFactory.Create(Options("sht3x"), TestContexts.Create(new FakeHardware()));
        var values = driver.Read(At);
        Assert.Equal(["temperature", "humidity"], values.Select(v => v.Quantity));
        Assert.All(values, v => Assert.Equal(DataFlag.Fault, v.Flag));
    }

    [Theory]
    [InlineData("address", "0x46", "Settings:address '0x46' is outside 0x44..0x45")]
    [InlineData("humidity.offset", "2,5", "Settings:humidity.offset '2,5' is not a number")]
    [InlineData("heater", "on", "Settings:heater is not a setting of sht3x")]
    public void Check_config_reports_its_settings_mistakes(string key, string value, string message) =>
        Assert.StartsWith(message, Assert.Single(DriverCatalogue.Problems(Options("sht3x", (key, value)))));

    [Fact]
    public void Probe_names_it_at_both_addresses()
    {
        Assert.Contains("SHT30/SHT31 (ADDR low): sht3x", DriverCatalogue.I2cPartsAt(0x44));
        Assert.Contains("SHT30/SHT31 (ADDR high): sht3x", DriverCatalogue.I2cPartsAt(0x45));
    }
}
