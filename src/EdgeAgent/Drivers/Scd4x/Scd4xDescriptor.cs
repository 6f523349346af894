using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Scd4x;

public static class Scd4xDescriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["scd4x"],
        Part = "Sensirion SCD40/SCD41 CO2",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Co2.Name, QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name),
        Settings = new SettingsSchema([
            .. CommonSettings.I2c(Scd4xDriver.DefaultAddress),
            Setting.Integer("stopWaitMs", 500, "wait after stopping a measurement left running (datasheet: 500 ms)", 0, 5000),
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = [new(Scd4xDriver.DefaultAddress, "SCD40/SCD41")],
        Open = (s, c) => new Scd4xDriver(s, c.Hardware.Hardware),
    };
}
