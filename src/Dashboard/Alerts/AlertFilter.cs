using System.Security.Claims;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Alerts;

/// <summary>The alerts view's filters; an empty value matches everything.</summary>
public sealed record AlertFilter(string? Park = null, string? Enterprise = null, string? Kind = null, string? Severity = null, string? State = null)
{
    public bool Matches(AlertDocument a) =>
        Is(Park, a.Park) && Is(Enterprise, a.Enterprise) && Is(Kind, a.Kind) && Is(Severity, a.Severity) && Is(State, a.State);

    private static bool Is(string? wanted, string? actual) =>
        string.IsNullOrEmpty(wanted) || string.Equals(wanted, actual, StringComparison.Ordinal);
}

public static class AlertVisibility
{
    /// <summary>
    /// Whether a user may see an alert: its park must be theirs, a bureau officer sees only the
    /// alerts of rules that notify the bureau (emission alerts), not a park's fire or device faults,
    /// and the safety authorities only safety alarms (fire, electrical fire, gas, fire water), not emissions.
    /// </summary>
    public static bool CanSee(this ClaimsPrincipal user, AlertDocument alert) =>
        user.CanSee(alert.Park)
        && (!user.IsInRole(DashboardRoles.Bureau) || alert.Bureau)
        && (!user.IsInRole(DashboardRoles.Safety) || alert.Safety);
}
