using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Serial;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Mhz19b;

public static class Mhz19bDescriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["mhz19b"],
        Part = "Winsen MH-Z19B CO2 (UART)",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Co2.Name),
        Settings = new SettingsSchema([
            Setting.Text("port", "/dev/ttyAMA0", "the UART the sensor is wired to", SerialSettings.CheckPort),
            Setting.Number("rangePpm", 5000, "the sensor's range: readings at or above it are flagged T", positive: true),
            Setting.Flag("autoBaseline", false, "automatic baseline correction (only where fresh air reaches the sensor daily)"),
            .. CommonSettings.LinearCalibration]),
        Open = (s, c) => new Mhz19bDriver(s, c.Hardware.Hardware),
    };
}
