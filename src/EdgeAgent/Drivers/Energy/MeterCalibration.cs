using System.Globalization;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Energy;

/// <summary>
/// Per-quantity linear correction, <c>corrected = raw × scale + offset</c>, from a sensor's
/// settings <c>scale.QUANTITY</c> and <c>offset.QUANTITY</c> (e.g. <c>"scale.current": "40"</c>
/// for a 200/5 A current transformer the meter was not told about).
/// </summary>
public sealed class MeterCalibration
{
    private readonly Dictionary<string, (double Scale, double Offset)> _byQuantity = new(StringComparer.Ordinal);

    public static MeterCalibration None { get; } = new();

    public static MeterCalibration Parse(SensorOptions sensor, IReadOnlyList<string> quantities, List<string> problems)
    {
        var calibration = new MeterCalibration();
        foreach (var (key, text) in sensor.Settings)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || key[..dot] is not ("scale" or "offset"))
                continue;
            var quantity = key[(dot + 1)..];
            if (!quantities.Contains(quantity))
            {
                problems.Add($"Settings:{key} calibrates '{quantity}', which this driver does not read ({string.Join(", ", quantities)})");
                continue;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                problems.Add($"Settings:{key} '{text}' is not a number");
                continue;
            }
            var (scale, offset) = calibration._byQuantity.GetValueOrDefault(quantity, (1, 0));
            calibration._byQuantity[quantity] = key[..dot] == "scale" ? (number, offset) : (scale, number);
        }
        return calibration;
    }

    public double Apply(string quantity, double raw) =>
        _byQuantity.TryGetValue(quantity, out var c) ? (raw * c.Scale) + c.Offset : raw;
}
