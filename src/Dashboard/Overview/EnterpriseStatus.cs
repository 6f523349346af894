using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Status;

namespace SmartPark.Dashboard.Overview;

/// <summary>
/// An enterprise tile's status. Open alerts come first (a shut-down enterprise that draws power is
/// an alarm, not just "shut down"); then the registry's shut-down mark (its devices being silent is
/// expected); then offline when every known device is offline; otherwise normal.
/// </summary>
public static class EnterpriseStatus
{
    public const string Normal = "normal";
    public const string Warning = "warning";
    public const string Alarm = "alarm";
    public const string Offline = "offline";
    public const string ShutDown = "shut_down";

    public static IReadOnlyList<string> All { get; } = [Normal, Warning, Alarm, Offline, ShutDown];

    public static string Derive(string? registryStatus, IEnumerable<string> deviceStates, IEnumerable<string> openAlertSeverities)
    {
        var worst = openAlertSeverities.Select(AlertSeverities.Rank).DefaultIfEmpty(0).Max();
        if (worst >= AlertSeverities.Rank(AlertSeverities.Critical))
            return Alarm;
        if (worst >= AlertSeverities.Rank(AlertSeverities.Warning))
            return Warning;
        if (registryStatus == RenovationStatus.ShutDown)
            return ShutDown;
        var states = deviceStates.ToList();
        if (states.Count > 0 && states.All(s => s == DeviceStatus.Offline))
            return Offline;
        return Normal;
    }
}
