using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Ads1115;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.AnalogTransmitter;

public static class AnalogTransmitterDescriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["ads1115-transmitter"],
        Part = "4–20 mA / 0–10 V transmitter on an ADS1115 channel",
        Kind = DriverKind.Hardware,
        // The transmitter measures what its sensor's "quantity" names (NMHC by default).
        Quantities = s => [s.GetString("quantity", QuantityCatalogue.Nmhc.Name)],
        Settings = new SettingsSchema([
            Setting.Text("quantity", QuantityCatalogue.Nmhc.Name, "the catalogue quantity the transmitter measures"),
            Setting.OneOf("signal", "4-20mA", "the transmitter's output", "4-20mA", "0-10V"),
            Setting.Number("shuntOhms", 150, "the 4–20 mA loop's shunt resistor", positive: true),
            Setting.Number("dividerRatio", 3.0, "the 0–10 V input divider", min: 1),
            Setting.Number("rangeLow", 0, "the value at 4 mA / 0 V"),
            Setting.RequiredNumber("rangeHigh", "the value at 20 mA / 10 V"),
            Setting.OneOf("rangeUnit", "mg/m3", "the unit of rangeLow/rangeHigh", "mg/m3", "ppm"),
            new SettingSpec("molarMass", SettingKind.Number, "g/mol of the gas, required with rangeUnit ppm") { Positive = true },
            Setting.Text("point1", "4:rangeLow", "calibration point signal:value (zero gas)"),
            Setting.Text("point2", "20:rangeHigh", "calibration point signal:value (span gas)"),
            .. CommonSettings.I2c(Ads1115Adc.DefaultAddress),
            Setting.Integer("channel", 0, "ADS1115 input AIN0..AIN3", 0, 3),
            Setting.OneOf("fullScale", "4.096", "ADS1115 full-scale volts", [.. Ads1115Adc.FullScales.Select(SettingText.Format)]),
            .. CommonSettings.LinearCalibration]),
        I2cAddresses = Ads1115Adc.Addresses,
        Open = (s, c) => new AnalogTransmitterDriver(s, c.Hardware.Hardware),
    };
}
