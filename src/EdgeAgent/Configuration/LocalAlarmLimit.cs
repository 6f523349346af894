using SmartPark.Contracts.Quantities;

namespace SmartPark.EdgeAgent.Configuration;

/// <summary>
/// One entry of <c>Agent:FireAlarm:Limits</c>: a reading of <see cref="Quantity"/> from <see cref="Sensor"/>
/// above <see cref="Above"/> trips the device's own buzzer and relay, with no network, as a heat
/// sensor does; it stops at or below <see cref="ClearBelow"/>. For the alarms people on the spot must
/// hear at once: combustible gas at its second level (50 %LEL, GB/T 50493-2019) and residual current
/// over its setting (300 mA, GB 50116-2013 §9.2.3). Ingest's rules still judge and report the same readings.
/// </summary>
public sealed class LocalAlarmLimit
{
    public string Sensor { get; set; } = "";

    public string Quantity { get; set; } = "";

    public double Above { get; set; } = double.NaN;

    /// <summary>Where the alarm stops (default: <see cref="Above"/>), so a reading hovering on the limit does not flap.</summary>
    public double? ClearBelow { get; set; }

    /// <summary>The alarm's name for this source: <c>sensor/quantity</c>.</summary>
    public string Source => Sensor + "/" + Quantity;

    public IEnumerable<string> Problems(IReadOnlyList<SensorOptions> sensors, int index)
    {
        var where = $"Agent:FireAlarm:Limits:{index}";
        if (sensors.All(s => s.Id != Sensor))
            yield return $"{where}: Sensor '{Sensor}' is not in Agent:Sensors";
        if (!QuantityCatalogue.TryGet(Quantity, out var quantity) || quantity.IsDerived)
            yield return $"{where}: Quantity '{Quantity}' is not a measured quantity of the catalogue";
        if (!double.IsFinite(Above))
            yield return $"{where}: Above (the reading that trips the alarm) is missing";
        if (ClearBelow is { } clear && (!double.IsFinite(clear) || clear > Above))
            yield return $"{where}: ClearBelow must be at or below Above";
    }
}
