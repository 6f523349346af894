using System.Device.I2c;

namespace SmartPark.EdgeAgent.Drivers.Energy.Ina219;

/// <summary>Opens an I2C device, or says which device file is missing and how to get it.</summary>
public static class I2cDeviceOpener
{
    public static I2cDevice Open(int bus, int address)
    {
        var file = $"/dev/i2c-{bus}";
        if (!File.Exists(file))
            throw new IOException($"I2C bus {file} does not exist: enable I2C (raspi-config → Interface Options → I2C, or dtparam=i2c_arm=on in /boot/firmware/config.txt) and reboot.");
        try
        {
            return I2cDevice.Create(new I2cConnectionSettings(bus, address));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"I2C bus {file} exists but this user may not open it: add the agent's user to the i2c group (the systemd unit does, SupplementaryGroups=i2c).", ex);
        }
    }
}
