using SmartPark.EdgeAgent.Drivers.Mlx90614;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Mlx90614;

public class Mlx90614DriverTests
{
    private static FakeI2cDevice Chip(ushort raw, byte? pec = null)
    {
        var chip = new FakeI2cDevice(0x5A);
        var lsb = (byte)raw;
        var msb = (byte)(raw >> 8);
        chip.Set(0x07, lsb, msb, pec ?? Mlx90614Driver.Pec([0xB4, 0x07, 0xB5, lsb, msb]));
        return chip;
    }

    [Fact]
    public void Pec_matches_the_datasheet_example()
    {
        // Datasheet: read RAM 0x07 at 0x5A answers D2 3A with PEC 30.
        Assert.Equal(0x30, Mlx90614Driver.Pec([0xB4, 0x07, 0xB5, 0xD2, 0x3A]));
    }

    [Fact]
    public void Object_temperature_is_read_from_ram_0x07_in_fiftieths_of_a_kelvin()
    {
        var chip = Chip(0x3AD2);
        var value = Assert.Single(new Mlx90614Driver(Options("mlx90614"), chip).Read(At));
        Assert.Equal(("temperature", 28.01), (value.Quantity, value.Value));
        Assert.Equal([0x07], chip.Writes.Single());
    }

    [Fact]
    public void A_hot_spot_above_the_heat_threshold_reads_correctly()
    {
        // 80 °C = 353.15 K = 17657.5 → 17658 counts.
        var value = Assert.Single(new Mlx90614Driver(Options("mlx90614"), Chip(17658)).Read(At));
        Assert.Equal(80.01, value.Value, 2);
    }

    [Fact]
    public void A_pec_error_is_reported()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new Mlx90614Driver(Options("mlx90614"), Chip(0x3AD2, pec: 0x31)).Read(At));
        Assert.Contains("PEC 0x31 should be 0x30", ex.Message);
    }

    [Fact]
    public void The_error_flag_bit_is_a_fault()
    {
        var ex = Assert.Throws<IOException>(() => new Mlx90614Driver(Options("mlx90614"), Chip(0x8000)).Read(At));
        Assert.Contains("flags an error", ex.Message);
    }
}
