using System.Globalization;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Calibration;

/// <summary>
/// The straight line through two (signal, value) points: how an analog transmitter's 4–20 mA or
/// 0–10 V maps to its measuring range, and how a zero/span gas check corrects it. The points are
/// written <c>"signal:value"</c>, e.g. <c>point1 = "4:0"</c>, <c>point2 = "20:50"</c> for a 0–50 mg/m³
/// transmitter. Outside the two points the line extends; the caller decides what is over range.
/// </summary>
public sealed record TwoPointCalibration(double Signal1, double Value1, double Signal2, double Value2)
{
    public double Slope => (Value2 - Value1) / (Signal2 - Signal1);

    public double Apply(double signal) => Value1 + ((signal - Signal1) * Slope);

    public static TwoPointCalibration From(SensorOptions options, (double Signal, double Value) default1, (double Signal, double Value) default2)
    {
        var (s1, v1) = ParsePoint(options, "point1", default1);
        var (s2, v2) = ParsePoint(options, "point2", default2);
        if (!double.IsFinite(s1) || !double.IsFinite(s2) || !double.IsFinite(v1) || !double.IsFinite(v2))
            throw new ArgumentException($"Sensor '{options.Id}': calibration points must be finite numbers");
        if (s1 == s2)
            throw new ArgumentException($"Sensor '{options.Id}': point1 and point2 have the same signal {s1.ToString(CultureInfo.InvariantCulture)}; they must differ");
        return new(s1, v1, s2, v2);
    }

    private static (double, double) ParsePoint(SensorOptions options, string key, (double, double) fallback)
    {
        if (!options.Settings.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            return fallback;
        var parts = text.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var signal)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return (signal, value);
        throw new ArgumentException($"Sensor '{options.Id}': {key} '{text}' must be written signal:value, e.g. 4:0");
    }
}
