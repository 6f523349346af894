using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Ds18b20;

public static class Ds18b20Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["ds18b20"],
        Part = "Maxim DS18B20 1-Wire thermometer",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Temperature.Name),
        Settings = new SettingsSchema([
            Setting.RequiredText("deviceId", "the probe's 1-Wire id, e.g. 28-0000071e8a2c"),
            .. CommonSettings.LinearCalibration]),
        Open = (s, c) => new Ds18b20Driver(s, c.Hardware.Hardware),
    };
}
