using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// Buses that exist but answer nothing, so a driver can be constructed far enough to check its
/// settings (<c>check-config</c>) without touching the real hardware: I2C and SPI read zeros, a
/// serial port is silent, the 1-Wire folder is empty, and GPIO is absent.
/// </summary>
public sealed class DryRunHardware : IHardware
{
    public I2cDevice OpenI2c(int bus, int address) => new SilentI2c(bus, address);

    public SpiDevice OpenSpi(int bus, int chipSelect, int clockHz, SpiMode mode) => new SilentSpi(bus, chipSelect);

    public GpioController Gpio() =>
        throw new HardwareUnavailableException("/dev/gpiochip0", "not opened by a configuration check", "none needed");

    public Stream OpenSerial(string port, int baudRate, TimeSpan readTimeout) => Stream.Null;

    public string OneWireDevices() => Path.Combine(Path.GetTempPath(), "smartpark-no-w1");

    private sealed class SilentI2c(int bus, int address) : I2cDevice
    {
        public override I2cConnectionSettings ConnectionSettings { get; } = new(bus, address);

        public override void Read(Span<byte> buffer) => buffer.Clear();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => readBuffer.Clear();
    }

    private sealed class SilentSpi(int bus, int chipSelect) : SpiDevice
    {
        public override SpiConnectionSettings ConnectionSettings { get; } = new(bus, chipSelect);

        public override byte ReadByte() => 0;

        public override void Read(Span<byte> buffer) => buffer.Clear();

        public override void WriteByte(byte value)
        {
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => readBuffer.Clear();
    }
}
