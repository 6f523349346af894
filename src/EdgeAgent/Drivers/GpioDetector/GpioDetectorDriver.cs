using SmartPark.EdgeAgent.Drivers.FireAlarm;

namespace SmartPark.EdgeAgent.Drivers.GpioDetector;

/// <summary>
/// Reports a smoke or flame detector's debounced state (1 alarm, 0 quiet). The pin itself is read
/// by <see cref="LocalFireAlarm"/>, which polls it every few tens of milliseconds so the buzzer
/// does not wait for the reporting interval; this driver only reports what the alarm saw.
/// </summary>
public sealed class GpioDetectorDriver(FireDetectorInput input, LocalFireAlarm alarm) : ISensorDriver
{
    public const string SmokeDriver = "gpio-smoke";
    public const string FlameDriver = "gpio-flame";

    public string SensorId => input.SensorId;

    public IReadOnlyList<string> Quantities { get; } = [input.Quantity];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
        [new SensorValue(input.Quantity, alarm.DetectorState(input.SensorId) ? 1 : 0)];
}
