using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Emissions;

/// <summary>
/// The limit in force for a discharge's pollutant, from the park's published rules (Ingest retains
/// them on the rules topic, with a permit's limit as the enterprise's version of the rule): the
/// most specific version (device, then enterprise, then park) of each rule on the quantity shown
/// that watches the sensor, and of those the strictest, since that is the one an exceedance breaks.
/// </summary>
public static class EmissionLimits
{
    public static RuleLimit? For(ParkRules? rules, EmissionSource source)
    {
        if (rules is null)
            return null;
        var versions = rules.Rules.Where(r => r.Limit is not null && r.Quantity == source.Shown.Name
            && (r.Enterprise is null || r.Enterprise == source.Enterprise)
            && (r.Device is null || r.Device == source.Device)
            && (r.Sensors is null || SensorMatches(r.Sensors, source.Sensor))
            && (r.ExceptSensors is null || !SensorMatches(r.ExceptSensors, source.Sensor)));
        return versions
            .GroupBy(r => r.RuleId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(Specificity).First())
            .OrderBy(r => r.Limit)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int Specificity(RuleLimit r) => r.Device is not null ? 2 : r.Enterprise is not null ? 1 : 0;

    /// <summary>A rule's sensor pattern: comma-separated exact ids, or prefixes ending in <c>*</c> (as the enterprise page reads it).</summary>
    public static bool SensorMatches(string pattern, string sensor) =>
        pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p.EndsWith('*') ? sensor.StartsWith(p[..^1], StringComparison.Ordinal) : sensor == p);
}
