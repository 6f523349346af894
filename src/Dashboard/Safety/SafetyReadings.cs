using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Alerts;

namespace SmartPark.Dashboard.Safety;

/// <summary>
/// Which readings are the safety authorities' business: a quantity the catalogue calls a safety quantity
/// (smoke, flame, %LEL, …), or one a safety rule of the park watches on that sensor (the heat detectors'
/// temperature, residual current, cable temperature, fire-water pressure), from the rules Ingest
/// publishes for the park. A workshop's process temperature or a stack's NOx stays out.
/// </summary>
public sealed class SafetyReadings(ParkRuleSets rules)
{
    public bool IsSafety(string park, string quantity, string? sensor)
    {
        if (QuantityCatalogue.TryGet(quantity, out var q) && q.Kind == QuantityKind.Safety)
            return true;
        return rules.Of(park)?.Rules.Any(r => r.Safety && r.Quantity == quantity
            && (sensor is null ? r.Sensors is null : Watches(r.Sensors, r.ExceptSensors, sensor))) == true;
    }

    // As Ingest's AlertRule.WatchesSensor: comma-separated ids, a trailing * matches a prefix.
    private static bool Watches(string? sensors, string? except, string sensor) =>
        (sensors is null || Matches(sensors, sensor)) && (except is null || !Matches(except, sensor));

    private static bool Matches(string pattern, string sensor) =>
        pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(p =>
            p.EndsWith('*') ? sensor.StartsWith(p[..^1], StringComparison.Ordinal) : sensor == p);
}
