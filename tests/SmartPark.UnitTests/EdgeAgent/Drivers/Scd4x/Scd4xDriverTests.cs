using System.Device.I2c;
using SmartPark.EdgeAgent.Drivers.Scd4x;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Scd4x;

public class Scd4xDriverTests
{
    /// <summary>An SCD4x: 16-bit commands in, words with their CRC out.</summary>
    private sealed class FakeScd4x : I2cDevice
    {
        private ushort _command;

        public List<ushort> Commands { get; } = [];
        public ushort DataReady { get; set; } = 0x8006;
        public ushort[] Measurement { get; set; } = [500, 26214, 32768];
        public int CorruptWord { get; set; } = -1;

        public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x62);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Assert.Equal(2, buffer.Length);
            _command = (ushort)((buffer[0] << 8) | buffer[1]);
            Commands.Add(_command);
        }

        public override void Read(Span<byte> buffer)
        {
            ushort[] words = _command switch
            {
                Scd4xDriver.GetDataReadyStatus => [DataReady],
                Scd4xDriver.ReadMeasurement => Measurement,
                _ => throw new IOException($"NACK: command 0x{_command:X4} returns no data"),
            };
            Assert.Equal(3 * words.Length, buffer.Length);
            for (var i = 0; i < words.Length; i++)
            {
                buffer[3 * i] = (byte)(words[i] >> 8);
                buffer[(3 * i) + 1] = (byte)words[i];
                buffer[(3 * i) + 2] = (byte)(SensirionCrc.Compute(buffer[3 * i], buffer[(3 * i) + 1]) ^ (i == CorruptWord ? 0x01 : 0));
            }
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Write(writeBuffer);
            Read(readBuffer);
        }
    }

    private static Scd4xDriver Driver(FakeScd4x chip, params (string, string)[] settings) =>
        new(Options("scd4x", [("stopWaitMs", "0"), .. settings]), chip);

    [Fact]
    public void Crc_matches_the_datasheet_example()
    {
        Assert.Equal(0x92, SensirionCrc.Compute(0xBE, 0xEF));
    }

    [Fact]
    public void It_stops_then_starts_periodic_measurement()
    {
        var chip = new FakeScd4x();
        _ = Driver(chip);
        Assert.Equal([Scd4xDriver.StopPeriodicMeasurement, Scd4xDriver.StartPeriodicMeasurement], chip.Commands);
    }

    [Fact]
    public void A_ready_measurement_converts_to_ppm_celsius_and_percent()
    {
        var chip = new FakeScd4x();
        var values = Driver(chip).Read(At);
        Assert.Equal([("co2", 500.0), ("temperature", 25.0), ("humidity", 50.0)], values.Select(v => (v.Quantity, v.Value)));
        Assert.Equal([Scd4xDriver.GetDataReadyStatus, Scd4xDriver.ReadMeasurement], chip.Commands[2..]);
    }

    [Fact]
    public void Not_ready_repeats_the_previous_sample_and_before_any_is_an_error()
    {
        var chip = new FakeScd4x { DataReady = 0x8000 };
        var driver = Driver(chip);
        Assert.Throws<IOException>(() => driver.Read(At));
        chip.DataReady = 0x8006;
        var first = driver.Read(At);
        chip.DataReady = 0x8000;
        chip.Measurement = [900, 0, 0];
        Assert.Equal(first, driver.Read(At));
    }

    [Fact]
    public void A_crc_error_names_the_word_and_the_bytes()
    {
        var chip = new FakeScd4x { CorruptWord = 1 };
        var ex = Assert.Throws<InvalidDataException>(() => Driver(chip).Read(At));
        Assert.Contains("word 1 of command 0xEC05", ex.Message);
    }

    [Fact]
    public void Per_quantity_calibration_applies()
    {
        var values = Driver(new FakeScd4x(), ("temperature.offset", "-1.5"), ("co2.scale", "1.02")).Read(At);
        Assert.Equal([510.0, 23.5, 50.0], values.Select(v => v.Value));
    }
}
