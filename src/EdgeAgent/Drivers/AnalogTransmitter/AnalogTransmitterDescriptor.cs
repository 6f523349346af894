using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Ads1115;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.AnalogTransmitter;

public static class AnalogTransmitterDescriptor
{
    /// <summary>
    /// What a 4–20 mA / 0–10 V transmitter may stand for: every measured quantity of the catalogue
    /// (a flue-gas analyser's NOx or O2 output, a flow transmitter, a pH meter), except what Ingest
    /// derives (<c>*_converted</c>, <c>*_rate</c>), a detector's on/off state and a counting register,
    /// none of which a loop current can carry.
    /// </summary>
    public static IReadOnlyList<string> Quantities { get; } =
        [.. QuantityCatalogue.All.Where(q => !q.IsDerived && !q.IsBoolean && !q.IsCounter).Select(q => q.Name)];

    /// <summary>The unit a ppm-ranged gas transmitter is converted into with its molar mass.</summary>
    public const string MassConcentration = "mg/m3";

    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = ["ads1115-transmitter"],
        Part = "4–20 mA / 0–10 V transmitter on an ADS1115 channel",
        Kind = DriverKind.Hardware,
        // The transmitter measures what its sensor's "quantity" names (NMHC by default).
        Quantities = s => [s.GetString("quantity", QuantityCatalogue.Nmhc.Name)],
        Settings = new SettingsSchema([
            Setting.Text("quantity", QuantityCatalogue.Nmhc.Name, "the catalogue quantity the transmitter measures", QuantityProblem),
            Setting.OneOf("signal", "4-20mA", "the transmitter's output", "4-20mA", "0-10V"),
            Setting.Number("shuntOhms", 150, "the 4–20 mA loop's shunt resistor", positive: true),
            Setting.Number("dividerRatio", 3.0, "the 0–10 V input divider", min: 1),
            Setting.Number("rangeLow", 0, "the value at 4 mA / 0 V"),
            Setting.RequiredNumber("rangeHigh", "the value at 20 mA / 10 V"),
            Setting.Text("rangeUnit", "", "the unit of rangeLow/rangeHigh: the quantity's own (mg/m3, degC, L/s…, the default), or ppm for a gas measured in mg/m3"),
            new SettingSpec("molarMass", SettingKind.Number, "g/mol of the gas, required with rangeUnit ppm") { Positive = true },
            Setting.Text("point1", "4:rangeLow", "calibration point signal:value (zero gas)"),
            Setting.Text("point2", "20:rangeHigh", "calibration point signal:value (span gas)"),
            .. CommonSettings.I2c(Ads1115Adc.DefaultAddress),
            Setting.Integer("channel", 0, "ADS1115 input AIN0..AIN3", 0, 3),
            Setting.OneOf("fullScale", "4.096", "ADS1115 full-scale volts", [.. Ads1115Adc.FullScales.Select(SettingText.Format)]),
            .. CommonSettings.LinearCalibration]),
        Rules = RangeUnitProblems,
        I2cAddresses = Ads1115Adc.Addresses,
        Open = (s, c) => new AnalogTransmitterDriver(s, c.Hardware.Hardware),
    };

    /// <summary>Why <paramref name="name"/> is not something a transmitter measures, or null.</summary>
    public static string? QuantityProblem(string name)
    {
        if (Quantities.Contains(name, StringComparer.Ordinal))
            return null;
        if (!QuantityCatalogue.TryGet(name, out var quantity))
            return "is not a quantity of the catalogue";
        return quantity.IsDerived ? $"is derived by Ingest from {quantity.DerivedFrom}, never measured: measure {quantity.DerivedFrom}"
            : quantity.IsCounter ? "is a counting register (a meter's total), not a loop signal"
            : "is a detector's on/off state, not a loop signal";
    }

    /// <summary>rangeUnit is the quantity's own unit, or ppm for a gas in mg/m³ (converted with molarMass).</summary>
    private static IEnumerable<string> RangeUnitProblems(SensorOptions sensor)
    {
        var unit = sensor.GetString("rangeUnit", "");
        if (unit.Length == 0 || !QuantityCatalogue.TryGet(sensor.GetString("quantity", QuantityCatalogue.Nmhc.Name), out var quantity) || unit == quantity.Unit)
            yield break;
        if (unit != "ppm")
            yield return $"Settings:rangeUnit '{unit}' is not the unit of {quantity.Name} ({quantity.Unit}){(quantity.Unit == MassConcentration ? " or ppm" : "")}";
        else if (quantity.Unit != MassConcentration)
            yield return $"Settings:rangeUnit 'ppm' converts a gas into {MassConcentration}, but {quantity.Name} is in {quantity.Unit}";
        else if (sensor.GetString("molarMass", "").Length == 0)
            yield return "Settings:molarMass is missing (g/mol of the gas, required with rangeUnit ppm)";
    }
}
