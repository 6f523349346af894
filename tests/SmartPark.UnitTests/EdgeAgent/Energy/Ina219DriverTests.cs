using System.Buffers.Binary;
using System.Device.I2c;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.Ina219;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

public sealed class Ina219DriverTests
{
    /// <summary>The INA219's 16-bit big-endian registers behind a register pointer (datasheet §8.6).</summary>
    private sealed class FakeIna219 : I2cDevice
    {
        private byte _pointer;

        public Dictionary<byte, ushort> Registers { get; } = new() { [0] = 0x399F };
        public List<(byte Register, ushort Value)> Writes { get; } = [];

        public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x40);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pointer = buffer[0];
            if (buffer.Length < 3)
                return;
            var value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            Writes.Add((_pointer, value));
            // The reset bit restores the power-on configuration.
            Registers[_pointer] = _pointer == 0 && (value & 0x8000) != 0 ? (ushort)0x399F : value;
        }

        public override void Read(Span<byte> buffer) =>
            BinaryPrimitives.WriteUInt16BigEndian(buffer, Registers.GetValueOrDefault(_pointer));

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Write(writeBuffer);
            Read(readBuffer);
        }
    }

    [Fact]
    public void Calibration_follows_the_datasheet_formula()
    {
        var (register, lsb) = Ina219Driver.CalibrationFor(shuntOhms: 0.1, maxCurrentA: 3.2);
        Assert.Equal(4194, register);                  // trunc(0.04096 / (3.2/32768 × 0.1))
        Assert.Equal(3.2 / 32768, lsb, precision: 12);
    }

    [Fact]
    public void Reads_bus_voltage_current_and_power_from_the_registers()
    {
        var chip = new FakeIna219();
        using var driver = new Ina219Driver("dc-1", chip, shuntOhms: 0.1, maxCurrentA: 3.2, MeterCalibration.None);
        chip.Registers[0x02] = (12_000 / 4) << 3;   // bus voltage: 4 mV per count, from bit 3
        chip.Registers[0x04] = 10_240;              // current: 10,240 × 97.66 µA = 1 A
        chip.Registers[0x03] = 6_144;               // power: 6,144 × 20 × 97.66 µA = 12 W

        var values = driver.Read(DateTimeOffset.UnixEpoch).ToDictionary(v => v.Quantity, v => v.Value);

        Assert.Equal(12.0, values["voltage"], precision: 3);
        Assert.Equal(1.0, values["current"], precision: 6);
        Assert.Equal(0.012, values["power"], precision: 9);   // kW
        Assert.Contains(chip.Writes, w => w is { Register: 0x05, Value: 4194 });   // calibration register
        Assert.Equal(0x2000, chip.Registers[0] & 0x2000);                          // 32 V bus range
        Assert.Equal(0x1800, chip.Registers[0] & 0x1800);                          // ±320 mV shunt range
    }

    [Fact]
    public void A_reverse_current_is_negative()
    {
        var chip = new FakeIna219();
        using var driver = new Ina219Driver("dc-1", chip, shuntOhms: 0.1, maxCurrentA: 3.2, MeterCalibration.None);
        chip.Registers[0x04] = unchecked((ushort)(short)-5_120);   // −0.5 A in two's complement

        var current = driver.Read(DateTimeOffset.UnixEpoch).Single(v => v.Quantity == "current").Value;

        Assert.Equal(-0.5, current, precision: 6);
    }
}
