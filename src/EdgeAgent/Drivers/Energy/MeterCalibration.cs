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

    /// <summary>The corrections a sensor's settings give; the schema (<see cref="Settings.CommonSettings.MeterCalibration"/>) has checked them.</summary>
    public static MeterCalibration From(SensorOptions sensor, IReadOnlyList<string> quantities)
    {
        var calibration = new MeterCalibration();
        foreach (var quantity in quantities)
        {
            var scale = sensor.GetDouble("scale." + quantity, 1);
            var offset = sensor.GetDouble("offset." + quantity, 0);
            if (scale != 1 || offset != 0)
                calibration._byQuantity[quantity] = (scale, offset);
        }
        return calibration;
    }

    public double Apply(string quantity, double raw) =>
        _byQuantity.TryGetValue(quantity, out var c) ? (raw * c.Scale) + c.Offset : raw;
}
