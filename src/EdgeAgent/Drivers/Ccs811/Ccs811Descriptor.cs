using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Ccs811;

public static class Ccs811Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["ccs811"],
        Part = "ams CCS811 TVOC/eCO2",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Tvoc.Name, QuantityCatalogue.Co2.Name),
        Settings = new SettingsSchema([
            .. CommonSettings.I2c(0x5A),
            Setting.Number("tvocMolarMass", Ccs811Driver.TolueneMolarMass, "g/mol used to turn ppb into mg/m³ (toluene)", positive: true),
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = [new(0x5A, "CCS811 (ADDR low)"), new(0x5B, "CCS811 (ADDR high)")],
        Open = (s, c) => new Ccs811Driver(s, c.Hardware.Hardware),
    };
}
