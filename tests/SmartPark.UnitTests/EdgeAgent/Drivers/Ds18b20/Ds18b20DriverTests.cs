using SmartPark.EdgeAgent.Drivers.Ds18b20;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Ds18b20;

/// <summary>DS18B20 through a scratch copy of the kernel's w1 sysfs folder.</summary>
public sealed class Ds18b20DriverTests : IDisposable
{
    private const string Id = "28-3c01d607d4a1";
    private readonly string _devices = Directory.CreateTempSubdirectory("smartpark-w1-").FullName;

    public void Dispose() => Directory.Delete(_devices, recursive: true);

    private void WriteSlave(string text)
    {
        Directory.CreateDirectory(Path.Combine(_devices, Id));
        File.WriteAllText(Path.Combine(_devices, Id, "w1_slave"), text);
    }

    private Ds18b20Driver Driver(params (string, string)[] settings) =>
        new(Options("ds18b20", [("deviceId", Id), .. settings]), new FakeHardware { OneWireFolder = _devices });

    [Fact]
    public void A_good_scratchpad_reads_in_celsius()
    {
        WriteSlave("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");
        var value = Assert.Single(Driver().Read(At));
        Assert.Equal(("temperature", 23.125), (value.Quantity, value.Value));
    }

    [Fact]
    public void Negative_temperatures_and_calibration_offset()
    {
        WriteSlave("5e ff 4b 46 7f ff 02 10 4c : crc=4c YES\n5e ff 4b 46 7f ff 02 10 4c t=-10125\n");
        Assert.Equal(-9.625, Assert.Single(Driver(("offset", "0.5")).Read(At)).Value);
    }

    [Fact]
    public void A_failed_crc_is_an_error()
    {
        WriteSlave("72 01 4b 46 7f ff 0e 10 57 : crc=ff NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");
        var ex = Assert.Throws<InvalidDataException>(() => Driver().Read(At));
        Assert.Contains("CRC check failed", ex.Message);
    }

    [Fact]
    public void The_85_degree_power_on_value_is_not_taken_as_a_fire()
    {
        WriteSlave("50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n");
        var ex = Assert.Throws<InvalidDataException>(() => Driver().Read(At));
        Assert.Contains("power-on", ex.Message);
    }

    [Fact]
    public void A_sensor_missing_from_the_bus_names_its_file()
    {
        var ex = Assert.Throws<IOException>(() => Driver().Read(At));
        Assert.Contains(Path.Combine(_devices, Id, "w1_slave"), ex.Message);
        Assert.Contains("pull-up", ex.Message);
    }

    [Fact]
    public void The_device_id_is_required()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ds18b20Driver(Options("ds18b20"), new FakeHardware { OneWireFolder = _devices }));
        Assert.Contains("deviceId", ex.Message);
    }
}
