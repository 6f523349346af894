using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

/// <summary>Sensor options as an agent file would give them.</summary>
public static class Sensors
{
    public static SensorOptions Options(string driver, params (string Key, string Value)[] settings) => new()
    {
        Id = "s1",
        Driver = driver,
        Settings = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase),
    };

    public static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
}
