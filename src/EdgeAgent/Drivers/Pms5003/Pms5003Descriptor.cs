using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Serial;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Pms5003;

public static class Pms5003Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["pms5003", "pms7003"],
        Part = "Plantower PMS5003/PMS7003 particulate matter (UART)",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Pm25.Name, QuantityCatalogue.Pm10.Name),
        Settings = new SettingsSchema([
            Setting.Text("port", "/dev/ttyAMA0", "the UART the sensor is wired to", SerialSettings.CheckPort),
            Setting.OneOf("values", "atmospheric", "which of the frame's concentrations to report", "atmospheric", "cf1"),
            .. CommonSettings.LinearCalibration]),
        Open = (s, c) => new Pms5003Driver(s, c.Hardware.Hardware),
    };
}
