using System.Device.Spi;
using SmartPark.EdgeAgent.Drivers.Max31856;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Max31856;

public class Max31856DriverTests
{
    /// <summary>
    /// A MAX31856 on SPI: the first byte of a transaction is the register address, with bit 7 set
    /// for a write; the following bytes are written to, or clocked out of, consecutive registers.
    /// </summary>
    private sealed class FakeMax31856 : SpiDevice
    {
        public byte[] Registers { get; } = new byte[16];

        public List<byte[]> Writes { get; } = [];

        public override SpiConnectionSettings ConnectionSettings { get; } = new(1, 0) { Mode = SpiMode.Mode1 };

        public void Temperature(double celsius)
        {
            var raw = (int)Math.Round(celsius * 128) & 0x7FFFF;
            var shifted = raw << 5;
            Registers[0x0C] = (byte)(shifted >> 16);
            Registers[0x0D] = (byte)(shifted >> 8);
            Registers[0x0E] = (byte)shifted;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes.Add(buffer.ToArray());
            Assert.True((buffer[0] & 0x80) != 0, "a plain write must set the write bit");
            for (var i = 1; i < buffer.Length; i++)
                Registers[(buffer[0] & 0x0F) + i - 1] = buffer[i];
        }

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Assert.Equal(0, writeBuffer[0] & 0x80);
            for (var i = 1; i < readBuffer.Length; i++)
                readBuffer[i] = Registers[(writeBuffer[0] + i - 1) & 0x0F];
        }

        public override void Read(Span<byte> buffer) => throw new InvalidOperationException("the driver reads by full-duplex transfer");

        public override byte ReadByte() => throw new InvalidOperationException();

        public override void WriteByte(byte value) => throw new InvalidOperationException();
    }

    [Fact]
    public void Start_up_sets_auto_conversion_open_probe_detection_50_hz_and_the_probe_type()
    {
        var chip = new FakeMax31856();
        _ = new Max31856Driver(Options("max31856", ("type", "J")), chip);
        Assert.Equal([[0x80, 0x91], [0x81, 0x02]], chip.Writes);
    }

    [Theory]
    [InlineData(1600.0)]   // datasheet table: 0x64 00 00
    [InlineData(25.5)]
    [InlineData(0.0078125)]
    [InlineData(-250.0)]
    public void The_linearised_19_bit_register_reads_in_celsius(double celsius)
    {
        var chip = new FakeMax31856();
        chip.Temperature(celsius);
        var value = Assert.Single(new Max31856Driver(Options("max31856"), chip).Read(At));
        Assert.Equal(("temperature", Math.Round(celsius, 3)), (value.Quantity, value.Value));
    }

    [Fact]
    public void Sixteen_hundred_degrees_is_the_datasheet_bit_pattern()
    {
        var chip = new FakeMax31856();
        chip.Registers[0x0C] = 0x64;
        Assert.Equal(1600, Assert.Single(new Max31856Driver(Options("max31856"), chip).Read(At)).Value);
    }

    [Fact]
    public void An_open_thermocouple_is_a_fault_not_a_temperature()
    {
        var chip = new FakeMax31856();
        chip.Temperature(2000);
        chip.Registers[0x0F] = 0x41;
        var ex = Assert.Throws<IOException>(() => new Max31856Driver(Options("max31856"), chip).Read(At));
        Assert.Contains("thermocouple open", ex.Message);
        Assert.Contains("thermocouple out of range", ex.Message);
    }

    [Fact]
    public void An_unknown_probe_type_is_a_settings_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Max31856Driver(Options("max31856", ("type", "X")), new FakeMax31856()));
        Assert.Contains("type 'X'", ex.Message);
    }
}
