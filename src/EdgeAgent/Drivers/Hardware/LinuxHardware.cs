using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.IO.Ports;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// The real buses of a Linux board (Raspberry Pi 4/5). Before opening anything it checks the
/// device file, because the bindings' own errors are cryptic off the hardware ("Error 2", or
/// "Access to the port is denied" for a port that does not exist; see the research notes in
/// hardware/wiring/README.md). <paramref name="root"/> lets tests point the checks at a scratch folder.
/// </summary>
public sealed class LinuxHardware(string root = "/", Func<GpioController>? createGpio = null) : IHardware, IDisposable
{
    private readonly Lock _gate = new();
    private GpioController? _gpio;

    public I2cDevice OpenI2c(int bus, int address)
    {
        var file = $"/dev/i2c-{bus}";
        RequireDeviceFile(file, bus == 1
            ? "enable I2C (sudo raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on in /boot/firmware/config.txt) and reboot"
            : $"add the bus to /boot/firmware/config.txt (for a software bus: dtoverlay=i2c-gpio,bus={bus},i2c_gpio_sda=N,i2c_gpio_scl=M) and reboot", "i2c");
        try
        {
            return I2cDevice.Create(new I2cConnectionSettings(bus, address));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HardwareUnavailableException(file, $"cannot open address 0x{address:X2} ({ex.Message})", "check the wiring and that the user is in the i2c group", ex);
        }
    }

    public SpiDevice OpenSpi(int bus, int chipSelect, int clockHz, SpiMode mode)
    {
        var file = $"/dev/spidev{bus}.{chipSelect}";
        RequireDeviceFile(file, "enable SPI (sudo raspi-config nonint do_spi 0, or dtparam=spi=on in /boot/firmware/config.txt) and reboot", "spi");
        return SpiDevice.Create(new SpiConnectionSettings(bus, chipSelect) { ClockFrequency = clockHz, Mode = mode });
    }

    public GpioController Gpio()
    {
        lock (_gate)
        {
            if (_gpio is not null)
                return _gpio;
            var chips = Directory.Exists(Resolve("/dev")) ? Directory.GetFiles(Resolve("/dev"), "gpiochip*") : [];
            if (chips.Length == 0)
                throw new HardwareUnavailableException("/dev/gpiochip0", "no GPIO character device", "run the agent on the Raspberry Pi (Raspberry Pi OS bookworm or later) whose GPIO header the sensors are wired to");
            RequireAccess("/dev/gpiochip0", "gpio");
            try
            {
                _gpio = createGpio is null ? new GpioController() : createGpio();
                return _gpio;
            }
            catch (Exception ex) when (IsMissingLibgpiod(ex))
            {
                throw new HardwareUnavailableException("/dev/gpiochip0", "libgpiod is not installed", "sudo apt install libgpiod2 (Raspberry Pi OS / Debian bookworm)", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                throw new HardwareUnavailableException("/dev/gpiochip0", $"cannot open the GPIO controller ({ex.Message})", "add the user to the gpio group (sudo usermod -aG gpio smartpark) and restart the agent", ex);
            }
        }
    }

    public Stream OpenSerial(string port, int baudRate, TimeSpan readTimeout)
    {
        // No trial open here: opening a tty can block on carrier detect. Existence is checked, so
        // the port's own "access denied" below really is a permission problem.
        if (!File.Exists(Resolve(port)))
            throw new HardwareUnavailableException(port, "does not exist", "enable the UART (sudo raspi-config nonint do_serial_hw 0 and do_serial_cons 1) or plug in the USB serial adapter");
        var serial = new SerialPort(port, baudRate, Parity.None, 8, StopBits.One)
        {
            ReadTimeout = (int)readTimeout.TotalMilliseconds,
            WriteTimeout = (int)readTimeout.TotalMilliseconds,
        };
        try
        {
            serial.Open();
            return serial.BaseStream;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            serial.Dispose();
            throw new HardwareUnavailableException(port, $"cannot open the serial port ({ex.Message})", "add the user to the dialout group (sudo usermod -aG dialout smartpark) and restart the agent", ex);
        }
    }

    public string OneWireDevices()
    {
        const string folder = "/sys/bus/w1/devices";
        if (!Directory.Exists(Resolve(folder)))
            throw new HardwareUnavailableException(folder, "the 1-Wire bus is not enabled", "add dtoverlay=w1-gpio,gpiopin=4 to /boot/firmware/config.txt and reboot");
        return Resolve(folder);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _gpio?.Dispose();
            _gpio = null;
        }
    }

    internal static bool IsMissingLibgpiod(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException || e.Message.Contains("libgpiod", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private string Resolve(string absolute) => root == "/" ? absolute : Path.Combine(root, absolute.TrimStart('/'));

    private void RequireDeviceFile(string file, string enableFix, string group)
    {
        if (!File.Exists(Resolve(file)))
            throw new HardwareUnavailableException(file, "does not exist", enableFix);
        RequireAccess(file, group);
    }

    private void RequireAccess(string file, string group)
    {
        try
        {
            using var probe = File.Open(Resolve(file), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HardwareUnavailableException(file, "permission denied", $"add the user to the {group} group (sudo usermod -aG {group} smartpark) and restart the agent", ex);
        }
        catch (IOException)
        {
            // Busy or a character device that refuses a plain open: the real open below reports it.
        }
    }
}
