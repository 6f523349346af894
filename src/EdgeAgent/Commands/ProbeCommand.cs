using System.Device.I2c;
using SmartPark.EdgeAgent.Drivers.Catalogue;

namespace SmartPark.EdgeAgent.Commands;

/// <summary>
/// <c>edgeagent probe</c>: what this machine offers the agent. It lists the I2C, SPI, serial,
/// GPIO and 1-Wire device files, and on each I2C bus the addresses that answer a one-byte read,
/// with the sensors known to live at each. Off the hardware it says plainly that there are none
/// and how to enable them.
/// </summary>
public static class ProbeCommand
{
    /// <summary>Parts of the reference edge node no driver reads (expanders, a mux): the drivers' own chips come from <see cref="DriverCatalogue"/>.</summary>
    private static readonly (int From, int To, string Parts)[] OtherParts =
    [
        (0x20, 0x27, "MCP23017 / PCF8574 GPIO expander"),
        (0x70, 0x70, "TCA9548A I2C mux"),
    ];

    public static int Run(TextWriter output, string devRoot = "/dev", string sysRoot = "/sys")
    {
        var any = false;
        any |= ListI2c(output, devRoot);
        any |= List(output, "SPI", Glob(devRoot, "spidev*"), "enable SPI (raspi-config → Interface Options → SPI, or dtparam=spi=on)");
        any |= List(output, "Serial", [.. Glob(devRoot, "ttyUSB*"), .. Glob(devRoot, "ttyACM*"), .. Glob(devRoot, "ttyAMA*"), .. Glob(devRoot, "serial*")],
            "plug in the USB RS-485 adapter, or enable the UART for an RS-485 HAT (raspi-config → Interface Options → Serial Port: shell No, hardware Yes)");
        any |= List(output, "GPIO", Glob(devRoot, "gpiochip*"), "no /dev/gpiochip*: this is not a Raspberry Pi (or GPIO is not exposed); the agent also needs libgpiod (apt install libgpiod2)");
        var w1 = Path.Combine(sysRoot, "bus", "w1", "devices");
        any |= List(output, "1-Wire", Directory.Exists(w1) ? Directory.GetDirectories(w1).Where(d => !Path.GetFileName(d).StartsWith("w1_bus_master", StringComparison.Ordinal)).ToArray() : [],
            "enable 1-Wire (dtoverlay=w1-gpio in /boot/firmware/config.txt) for DS18B20 heat sensors");
        if (!any)
            output.WriteLine("No sensor buses on this machine: it is not the edge node's hardware (or every interface is off). Simulated drivers (sim-*) still run.");
        return 0;
    }

    private static bool ListI2c(TextWriter output, string devRoot)
    {
        var buses = Glob(devRoot, "i2c-*");
        if (!List(output, "I2C", buses, "enable I2C (raspi-config → Interface Options → I2C, or dtparam=i2c_arm=on) and reboot"))
            return false;
        foreach (var bus in buses)
        {
            if (!int.TryParse(Path.GetFileName(bus)["i2c-".Length..], out var busId))
                continue;
            var answering = new List<int>();
            for (var address = 0x08; address <= 0x77; address++)
            {
                try
                {
                    using var device = I2cDevice.Create(new I2cConnectionSettings(busId, address));
                    device.ReadByte();
                    answering.Add(address);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    if (ex is UnauthorizedAccessException || ex.Message.Contains("denied", StringComparison.OrdinalIgnoreCase))
                    {
                        output.WriteLine($"  {bus}: permission denied: add this user to the i2c group");
                        break;
                    }
                }
            }
            output.WriteLine(answering.Count == 0 ? $"  {bus}: no device answers" : $"  {bus}:");
            foreach (var address in answering)
                output.WriteLine($"    0x{address:X2}  {PartsAt(address)}");
        }
        return true;
    }

    /// <summary>Every known part that can sit at <paramref name="address"/> (0x48 is an ADS1115 or a strapped INA219), with the drivers that read it.</summary>
    public static string PartsAt(int address)
    {
        var parts = DriverCatalogue.I2cPartsAt(address)
            .Concat(OtherParts.Where(k => address >= k.From && address <= k.To).Select(k => k.Parts))
            .ToList();
        return parts.Count == 0 ? "(not a part of the reference node)" : string.Join(" or ", parts);
    }

    private static bool List(TextWriter output, string kind, string[] devices, string hintWhenNone)
    {
        if (devices.Length == 0)
        {
            output.WriteLine($"{kind}: none ({hintWhenNone})");
            return false;
        }
        output.WriteLine($"{kind}: {string.Join(", ", devices.Order(StringComparer.Ordinal))}");
        return true;
    }

    private static string[] Glob(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.GetFileSystemEntries(directory, pattern) : [];
}
