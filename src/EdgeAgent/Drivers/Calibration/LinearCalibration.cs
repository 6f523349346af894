using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Calibration;

/// <summary>
/// Per-sensor correction <c>corrected = raw × Scale + Offset</c>, from a co-location against a
/// reference instrument. Settings <c>scale</c>/<c>offset</c> apply to every quantity of a sensor;
/// <c>&lt;quantity&gt;.scale</c>/<c>&lt;quantity&gt;.offset</c> (e.g. <c>temperature.offset</c>) to one.
/// </summary>
public readonly record struct LinearCalibration(double Scale = 1, double Offset = 0)
{
    public static LinearCalibration Identity => new(1, 0);

    public double Apply(double raw) => (raw * Scale) + Offset;

    public static LinearCalibration From(SensorOptions options, string quantity)
    {
        var scale = options.GetDouble(quantity + ".scale", options.GetDouble("scale", 1));
        var offset = options.GetDouble(quantity + ".offset", options.GetDouble("offset", 0));
        if (!double.IsFinite(scale) || scale == 0)
            throw new ArgumentException($"Sensor '{options.Id}': {quantity} scale must be a finite non-zero number");
        if (!double.IsFinite(offset))
            throw new ArgumentException($"Sensor '{options.Id}': {quantity} offset must be a finite number");
        return new(scale, offset);
    }
}
