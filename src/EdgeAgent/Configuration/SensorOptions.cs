using System.Globalization;

namespace SmartPark.EdgeAgent.Configuration;

/// <summary>One sensor in the agent's file: which driver reads it, how often, and the driver's settings.</summary>
public sealed class SensorOptions
{
    public string Id { get; set; } = "";
    public string Driver { get; set; } = "";
    public int IntervalMs { get; set; } = 10_000;
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public double GetDouble(string key, double fallback) =>
        Settings.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    public bool GetBool(string key, bool fallback) =>
        Settings.TryGetValue(key, out var s) && bool.TryParse(s, out var v) ? v : fallback;

    public string GetString(string key, string fallback) =>
        Settings.TryGetValue(key, out var s) && !string.IsNullOrWhiteSpace(s) ? s : fallback;
}
