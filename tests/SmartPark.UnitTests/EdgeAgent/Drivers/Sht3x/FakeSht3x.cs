using SmartPark.EdgeAgent.Drivers.Scd4x;
using SmartPark.EdgeAgent.Drivers.Sht3x;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Sht3x;

/// <summary>
/// An SHT3x on the fake I2C bus: a 16-bit command arrives as a register byte and one data byte;
/// after a single-shot command, a read returns the temperature and humidity words, each followed
/// by its CRC (which a test may corrupt). Before a measurement a read is NACKed, as the chip does.
/// </summary>
public sealed class FakeSht3x(int address = Sht3xDriver.DefaultAddress) : FakeI2cDevice(address)
{
    private bool _measured;

    public List<ushort> Commands { get; } = [];

    public ushort RawTemperature { get; set; } = 0x6666;   // 25.0 °C

    public ushort RawHumidity { get; set; } = 0x8000;      // 50.0 %RH

    public int CorruptWord { get; set; } = -1;

    protected override void OnWrite(byte register, ReadOnlySpan<byte> data)
    {
        var command = (ushort)((register << 8) | data[0]);
        Commands.Add(command);
        _measured = command == Sht3xDriver.SingleShotHighRepeatability;
    }

    protected override void OnRead(byte register, Span<byte> buffer)
    {
        if (!_measured)
            throw new IOException("NACK: no measurement to read");
        _measured = false;
        ushort[] words = [RawTemperature, RawHumidity];
        for (var i = 0; i < words.Length && (3 * i) + 2 < buffer.Length; i++)
        {
            buffer[3 * i] = (byte)(words[i] >> 8);
            buffer[(3 * i) + 1] = (byte)words[i];
            buffer[(3 * i) + 2] = (byte)(SensirionCrc.Compute(buffer[3 * i], buffer[(3 * i) + 1]) ^ (i == CorruptWord ? 0x01 : 0));
        }
    }
}
