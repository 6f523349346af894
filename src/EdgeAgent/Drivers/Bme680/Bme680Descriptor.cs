using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Bme680;

public static class Bme680Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["bme680"],
        Part = "Bosch BME680 temperature, humidity, pressure, gas resistance",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name, QuantityCatalogue.Pressure.Name, QuantityCatalogue.GasResistance.Name),
        Settings = new SettingsSchema([.. CommonSettings.I2c(0x76), .. CommonSettings.LinearCalibration]),
        I2cAddresses = [new(0x76, "BME680 (SDO→GND)"), new(0x77, "BME680 (SDO→VDD)")],
        Open = (s, c) => new Bme680Driver(s, c.Hardware.Hardware),
    };
}
