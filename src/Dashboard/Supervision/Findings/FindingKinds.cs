namespace SmartPark.Dashboard.Supervision.Findings;

/// <summary>
/// What a supervisor counts among the alerts Ingest stored: which rules are emission exceedances,
/// which are fire alarms, which say a shut-down enterprise draws power and which say a device was
/// silent. One place, so the quarterly report and the park page count the same alerts.
/// The rule ids are those of Ingest's DefaultRules (src/Ingest/Alerts/Rules/DefaultRules.cs).
/// </summary>
public static class FindingKinds
{
    public const string EmissionExceedance = "emission";
    public const string ShutDownDrawingPower = "shut_down_power";
    public const string FireAlarm = "fire";
    public const string DeviceOffline = "offline";

    /// <summary>The registry rule: more than 2 kW for 10 minutes at an enterprise marked shut_down.</summary>
    public const string ShutDownDrawingPowerRule = "shut-down-drawing-power";

    /// <summary>The absence rule: a device silent for 3 of its reporting intervals.</summary>
    public const string DeviceOfflineRule = "device-offline";

    /// <summary>Detectors and the heat rules, and their combination into a confirmed fire.</summary>
    public static IReadOnlySet<string> FireRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "smoke", "flame", "heat-static", "heat-rate-of-rise", "fire-confirmed",
    };

    /// <summary>
    /// The finding an alert of this rule is, or null for one a report does not count (a stuck
    /// sensor). Emission rules are the ones marked for the bureau, apart from the shut-down rule
    /// (also a bureau rule): so an emission rule added in configuration counts too.
    /// </summary>
    public static string? Of(string rule, string kind, bool bureau) =>
        rule == ShutDownDrawingPowerRule || kind == "registry" ? ShutDownDrawingPower
        : rule == DeviceOfflineRule ? DeviceOffline
        : FireRules.Contains(rule) ? FireAlarm
        : bureau ? EmissionExceedance
        : null;
}
