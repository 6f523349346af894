using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Max31856;

public static class Max31856Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["max31856"],
        Part = "Analog Devices MAX31856 thermocouple converter (SPI)",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Temperature.Name),
        Settings = new SettingsSchema([
            Setting.Integer("bus", 0, "SPI bus: /dev/spidevBUS.CS", 0, 7),
            Setting.Integer("chipSelect", 0, "SPI chip select", 0, 7),
            Setting.OneOf("type", "K", "thermocouple type", "B", "E", "J", "K", "N", "R", "S", "T"),
            .. CommonSettings.LinearCalibration]),
        Open = (s, c) => new Max31856Driver(s, c.Hardware.Hardware),
    };
}
