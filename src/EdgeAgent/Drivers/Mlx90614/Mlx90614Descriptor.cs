using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Mlx90614;

public static class Mlx90614Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["mlx90614"],
        Part = "Melexis MLX90614 infrared thermometer",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.Temperature.Name),
        Settings = new SettingsSchema([
            .. CommonSettings.I2c(Mlx90614Driver.DefaultAddress),
            Setting.OneOf("target", "object", "what to report: the surface it sees or its own case", "object", "ambient"),
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = [new(Mlx90614Driver.DefaultAddress, "MLX90614")],
        Open = (s, c) => new Mlx90614Driver(s, c.Hardware.Hardware),
    };
}
