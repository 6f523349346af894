using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.GpioDetector;

/// <summary>The smoke and flame detector inputs: one driver, two names, one quantity each.</summary>
public static class GpioDetectorDescriptor
{
    /// <summary>The input's own checks (<see cref="FireDetectorInput.From"/>) give the ranges with their reasons.</summary>
    private static readonly SettingsSchema Schema = new([
        new SettingSpec("pin", SettingKind.Integer, "header GPIO 0..27 (BCM numbering)") { Required = true },
        Setting.OneOf("activeLevel", "low", "the level that means alarm", "low", "high"),
        Setting.OneOf("pull", "up when active low, down when active high", "the input's pull resistor", "up", "down", "none"),
        new SettingSpec("debounceMs", SettingKind.Integer, "how long a level must hold, 0..800") { Default = "200" },
    ]);

    public static DriverDescriptor Smoke { get; } = For(GpioDetectorDriver.SmokeDriver, "smoke detector alarm contact on a GPIO input", QuantityCatalogue.Smoke.Name);

    public static DriverDescriptor Flame { get; } = For(GpioDetectorDriver.FlameDriver, "flame sensor digital output on a GPIO input", QuantityCatalogue.Flame.Name);

    private static DriverDescriptor For(string name, string part, string quantity) => new()
    {
        Names = [name],
        Part = part,
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(quantity),
        Settings = Schema,
        Open = (s, c) => new GpioDetectorDriver(FireDetectorInput.From(s), c.Hardware.FireAlarm),
    };
}
