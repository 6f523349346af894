using SmartPark.Contracts.Telemetry;

namespace SmartPark.EdgeAgent.Drivers.FireAlarm;

/// <summary>
/// Wraps a sensor the local alarm watches (<c>FireAlarm:HeatSensors</c>, <c>FireAlarm:Limits</c>): every good
/// reading also goes to the alarm, which compares it with the heat threshold or the limit. A reading with
/// flag D is not passed on: the alarm keeps the last good one, so a probe whose cable burns
/// through in a fire does not silence the heat alarm it already raised.
/// </summary>
public sealed class HeatAlarmTap(ISensorDriver inner, LocalFireAlarm alarm) : ISensorDriver, ISensorHealth, IDisposable
{
    /// <summary>The wrapped sensor's health, so the device status still lists a tapped probe as D while it is down.</summary>
    public (string Flag, string? Error) Health => inner is ISensorHealth watched ? watched.Health : (DataFlag.Normal, null);

    public string SensorId => inner.SensorId;

    public IReadOnlyList<string> Quantities => inner.Quantities;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var values = inner.Read(at);
        foreach (var v in values)
        {
            if (v.Flag is DataFlag.Normal or DataFlag.OverRange)
                alarm.ReportReading(SensorId, v.Quantity, v.Value);
        }
        return values;
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
