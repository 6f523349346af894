using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Ads1115;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.MqGas;

public static class MqGasDescriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["mq-gas"],
        Part = "MQ-2/MQ-4/MQ-5 combustible gas module on an ADS1115 channel",
        Kind = DriverKind.Hardware,
        Quantities = DriverDescriptor.Fixed(QuantityCatalogue.GasLel.Name),
        Settings = new SettingsSchema([
            Setting.Number("dividerRatio", 1.5, "the output divider into the ADS1115", min: 1),
            Setting.Number("supplyVolts", 5.0, "the module's supply (Vc)", positive: true),
            Setting.Number("loadOhms", 1000, "the module's load resistor RL", positive: true),
            Setting.RequiredNumber("r0Ohms", "Rs in clean air, measured at commissioning", positive: true),
            Setting.Number("curveA", 1012.7, "datasheet curve ppm = a × (Rs/R0)^b: a", positive: true),
            Setting.Number("curveB", -2.786, "datasheet curve: b"),
            Setting.Number("lelPpm", 50_000, "the gas's lower explosive limit in ppm (methane 50,000)", positive: true),
            .. CommonSettings.I2c(Ads1115Adc.DefaultAddress),
            Setting.Integer("channel", 0, "ADS1115 input AIN0..AIN3", 0, 3),
            Setting.OneOf("fullScale", "4.096", "ADS1115 full-scale volts", [.. Ads1115Adc.FullScales.Select(SettingText.Format)]),
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = Ads1115Adc.Addresses,
        Open = (s, c) => new MqGasDriver(s, c.Hardware.Hardware),
    };
}
