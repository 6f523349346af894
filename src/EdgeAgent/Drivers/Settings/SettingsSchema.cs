using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Settings;

/// <summary>
/// Every key a driver reads. <see cref="Problems"/> is the one settings check: it reports every
/// unknown key, every value that does not parse or is out of range and every required key that
/// is missing, all at once, each starting with <c>Settings:KEY</c> so <c>check-config</c> can point
/// at its line. The agent runs it before opening a driver and <c>check-config</c> runs it on the file.
/// </summary>
public sealed class SettingsSchema(IEnumerable<SettingSpec> specs)
{
    public static SettingsSchema Empty { get; } = new([]);

    public IReadOnlyList<SettingSpec> Specs { get; } = [.. specs];

    /// <summary>This schema and <paramref name="more"/> (a driver's own keys after the shared ones).</summary>
    public SettingsSchema With(params IEnumerable<SettingSpec> more) => new([.. Specs, .. more]);

    /// <param name="sensor">The sensor whose <c>Settings</c> are checked.</param>
    /// <param name="quantities">What the driver yields with these settings: what a <c>*</c> key may name.</param>
    public IReadOnlyList<string> Problems(SensorOptions sensor, IReadOnlyList<string> quantities)
    {
        var problems = new List<string>();
        foreach (var (key, text) in sensor.Settings)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;   // blank is absent: the default applies, or a required key is missing below
            if (Specs.FirstOrDefault(s => !s.IsPattern && string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)) is { } spec)
            {
                if (spec.Problem(key, text) is { } problem)
                    problems.Add(problem);
                continue;
            }
            var pattern = Specs.Where(s => s.IsPattern).Select(s => (Spec: s, Quantity: s.QuantityIn(key))).FirstOrDefault(m => m.Quantity is not null);
            if (pattern.Quantity is { } quantity)
            {
                if (!quantities.Contains(quantity, StringComparer.Ordinal))
                    problems.Add($"Settings:{key} calibrates '{quantity}', which this driver does not read ({string.Join(", ", quantities)})");
                else if (pattern.Spec.Problem(key, text) is { } problem)
                    problems.Add(problem);
                continue;
            }
            problems.Add($"Settings:{key} is not a setting of {sensor.Driver} (it reads {string.Join(", ", Specs.Select(s => s.Key))})");
        }
        foreach (var required in Specs.Where(s => s.Required && !s.IsPattern))
        {
            if (!sensor.Settings.TryGetValue(required.Key, out var text) || string.IsNullOrWhiteSpace(text))
                problems.Add($"Settings:{required.Key} is missing" + (required.About.Length > 0 ? $" ({required.About})" : ""));
        }
        return problems;
    }
}
