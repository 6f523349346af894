using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// The device's buses, opened on demand. Drivers take their bus from here rather than opening
/// it themselves, so tests hand them fake buses and the real implementation can check the device
/// file first and say how to fix a missing one.
/// </summary>
public interface IHardware
{
    /// <summary>Opens the I2C device at <paramref name="address"/> on <c>/dev/i2c-<paramref name="bus"/></c>.</summary>
    I2cDevice OpenI2c(int bus, int address);

    /// <summary>Opens <c>/dev/spidev<paramref name="bus"/>.<paramref name="chipSelect"/></c>.</summary>
    SpiDevice OpenSpi(int bus, int chipSelect, int clockHz, SpiMode mode);

    /// <summary>The one GPIO controller the process shares (pins are opened by their users).</summary>
    GpioController Gpio();

    /// <summary>Opens a serial port (8N1) as a byte stream with the given read timeout.</summary>
    Stream OpenSerial(string port, int baudRate, TimeSpan readTimeout);

    /// <summary>The 1-Wire sysfs folder that lists the bus's devices (normally <c>/sys/bus/w1/devices</c>).</summary>
    string OneWireDevices();
}
