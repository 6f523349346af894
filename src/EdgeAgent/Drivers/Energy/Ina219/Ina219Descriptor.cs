using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.Ina219;

public static class Ina219Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = [Ina219Driver.DriverName],
        Part = "TI INA219 DC current/power monitor",
        Kind = DriverKind.Direct,
        Quantities = DriverDescriptor.Fixed(Ina219Driver.QuantityNames),
        Settings = new SettingsSchema([
            Setting.Integer("bus", 1, "I2C bus number: /dev/i2c-N", 0, 255),
            Setting.Text("address", "0x40", "hexadecimal, 0x40..0x4F, set by pins A0/A1", CheckAddress),
            Setting.Number("shuntOhms", 0.1, "the shunt resistor", positive: true),
            Setting.Number("maxCurrentA", 3.2, "the largest current expected", positive: true),
            .. CommonSettings.MeterCalibration]),
        Rules = CheckCalibrationFits,
        I2cAddresses = [.. Enumerable.Range(0x40, 16).Select(a => new I2cAddress(a, "INA219 DC monitor"))],
        Open = (s, _) => new Ina219Driver(s.Id, I2cDeviceOpener.Open(s.GetInt("bus", 1), AddressOf(s)),
            s.GetDouble("shuntOhms", 0.1), s.GetDouble("maxCurrentA", 3.2), MeterCalibration.From(s, Ina219Driver.QuantityNames)),
    };

    private static string? CheckAddress(string text) =>
        TryAddress(text, out var address) && address is >= 0x40 and <= 0x4F ? null : "is not an INA219 address (0x40..0x4F, set by pins A0/A1)";

    /// <summary>The address is hexadecimal with or without <c>0x</c>, as the datasheet's table writes it ("40" is 0x40).</summary>
    private static bool TryAddress(string text, out int address)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out address);
    }

    private static int AddressOf(SensorOptions sensor) =>
        TryAddress(sensor.GetString("address", "0x40"), out var address) ? address : throw sensor.Mistake($"Settings:address '{sensor.GetString("address", "")}' {CheckAddress("")}");

    private static IEnumerable<string> CheckCalibrationFits(SensorOptions sensor)
    {
        var (shunt, maxCurrent) = (sensor.GetDouble("shuntOhms", 0.1), sensor.GetDouble("maxCurrentA", 3.2));
        try
        {
            Ina219Driver.CalibrationFor(shunt, maxCurrent);
        }
        catch (ArgumentOutOfRangeException)
        {
            return [$"Settings:shuntOhms {shunt} with maxCurrentA {maxCurrent} does not fit the INA219's calibration register"];
        }
        return [];
    }
}
