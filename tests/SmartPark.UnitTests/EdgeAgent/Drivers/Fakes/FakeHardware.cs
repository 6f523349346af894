using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

/// <summary>A board whose buses are fakes the test registers; anything else is "not there".</summary>
public sealed class FakeHardware : IHardware
{
    public Dictionary<(int Bus, int Address), Func<I2cDevice>> I2c { get; } = [];

    public Dictionary<string, Func<Stream>> Serial { get; } = new(StringComparer.Ordinal);

    public Func<GpioController>? GpioFactory { get; set; }

    public string? OneWireFolder { get; set; }

    public int I2cOpens { get; private set; }

    public I2cDevice OpenI2c(int bus, int address)
    {
        I2cOpens++;
        return I2c.TryGetValue((bus, address), out var open)
            ? open()
            : throw new HardwareUnavailableException($"/dev/i2c-{bus}", "does not exist", "enable I2C");
    }

    public SpiDevice OpenSpi(int bus, int chipSelect, int clockHz, SpiMode mode) =>
        throw new HardwareUnavailableException($"/dev/spidev{bus}.{chipSelect}", "does not exist", "enable SPI");

    public GpioController Gpio() =>
        GpioFactory?.Invoke() ?? throw new HardwareUnavailableException("/dev/gpiochip0", "no GPIO character device", "run on the Pi");

    public Stream OpenSerial(string port, int baudRate, TimeSpan readTimeout) =>
        Serial.TryGetValue(port, out var open) ? open() : throw new HardwareUnavailableException(port, "does not exist", "enable the UART");

    public string OneWireDevices() =>
        OneWireFolder ?? throw new HardwareUnavailableException("/sys/bus/w1/devices", "the 1-Wire bus is not enabled", "add dtoverlay=w1-gpio");
}
