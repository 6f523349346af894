using System.Device.Gpio;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Hardware;

/// <summary>
/// The off-hardware messages. The checks run against a scratch folder standing in for "/", so
/// the tests mean the same on a laptop and on a Pi.
/// </summary>
public sealed class LinuxHardwareTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("smartpark-hw-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Missing_i2c_bus_names_the_device_file_and_how_to_enable_it()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware(_root).OpenI2c(1, 0x48));
        Assert.Equal("/dev/i2c-1", ex.DeviceFile);
        Assert.StartsWith("/dev/i2c-1: does not exist. Fix: enable I2C", ex.Message);
        Assert.Contains("dtparam=i2c_arm=on", ex.Message);
    }

    [Fact]
    public void Missing_spi_device_names_the_device_file_and_how_to_enable_it()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware(_root).OpenSpi(0, 1, 1_000_000, System.Device.Spi.SpiMode.Mode1));
        Assert.Equal("/dev/spidev0.1", ex.DeviceFile);
        Assert.Contains("dtparam=spi=on", ex.Message);
    }

    [Fact]
    public void Missing_serial_port_names_the_port_and_the_uart_setting()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware(_root).OpenSerial("/dev/ttyAMA0", 9600, TimeSpan.FromSeconds(1)));
        Assert.Equal("/dev/ttyAMA0", ex.DeviceFile);
        Assert.Contains("do_serial_hw", ex.Message);
    }

    [Fact]
    public void Missing_one_wire_bus_names_the_overlay()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware(_root).OneWireDevices());
        Assert.Equal("/sys/bus/w1/devices", ex.DeviceFile);
        Assert.Contains("dtoverlay=w1-gpio", ex.Message);
    }

    [Fact]
    public void No_gpio_chip_says_so()
    {
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware(_root).Gpio());
        Assert.Equal("/dev/gpiochip0", ex.DeviceFile);
        Assert.Contains("no GPIO character device", ex.Message);
    }

    [Fact]
    public void Gpio_chip_without_libgpiod_says_to_install_it()
    {
        CreateDeviceFile("dev/gpiochip0");
        // What System.Device.Gpio 4.2 throws when libgpiod.so.2/.3 is missing: a GpiodException
        // (an IOException) wrapping DllNotFoundException.
        var hardware = new LinuxHardware(_root, () => throw new IOException("Exception while calling libgpiod",
            new DllNotFoundException("Unable to load shared library 'libgpiod.so.3'")));
        var ex = Assert.Throws<HardwareUnavailableException>(hardware.Gpio);
        Assert.Contains("libgpiod is not installed", ex.Message);
        Assert.Contains("apt install libgpiod2", ex.Message);
    }

    [Fact]
    public void Gpio_chip_that_refuses_access_says_which_group_to_join()
    {
        CreateDeviceFile("dev/gpiochip0");
        var hardware = new LinuxHardware(_root, () => throw new UnauthorizedAccessException("Permission denied"));
        var ex = Assert.Throws<HardwareUnavailableException>(hardware.Gpio);
        Assert.Contains("gpio group", ex.Message);
    }

    [Fact]
    public void Gpio_controller_is_created_once_and_shared()
    {
        CreateDeviceFile("dev/gpiochip0");
        var created = 0;
        using var hardware = new LinuxHardware(_root, () =>
        {
            created++;
            return new GpioController(new FakeGpioDriver(TimeProvider.System));
        });
        Assert.Same(hardware.Gpio(), hardware.Gpio());
        Assert.Equal(1, created);
    }

    [Fact]
    public void On_this_machine_without_the_pi_buses_the_real_paths_are_reported()
    {
        // The CI machine has no /dev/i2c-7; a Pi does not have it either.
        var ex = Assert.Throws<HardwareUnavailableException>(() => new LinuxHardware().OpenI2c(7, 0x48));
        Assert.Equal("/dev/i2c-7", ex.DeviceFile);
    }

    private void CreateDeviceFile(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
    }
}
