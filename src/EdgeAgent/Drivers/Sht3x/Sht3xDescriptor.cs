using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Sht3x;

public static class Sht3xDescriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["sht3x"],
        Part = "Sensirion SHT30/SHT31 temperature and humidity",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name),
        Settings = new SettingsSchema([
            Setting.Integer("bus", 1, "I2C bus number: /dev/i2c-N", 0, 255),
            new SettingSpec("address", SettingKind.Integer, "0x44 with ADDR low, 0x45 with ADDR high")
            {
                Default = "0x44", Min = Sht3xDriver.DefaultAddress, Max = Sht3xDriver.AlternateAddress, Hex = true,
            },
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = [new(Sht3xDriver.DefaultAddress, "SHT30/SHT31 (ADDR low)"), new(Sht3xDriver.AlternateAddress, "SHT30/SHT31 (ADDR high)")],
        Open = (s, c) => new Sht3xDriver(s, c.Hardware.Hardware),
    };
}
