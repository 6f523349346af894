using System.Security.Claims;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// SignalR groups for alert pushes. A browser joins the groups its user may see; a bureau officer
/// joins only the bureau groups and the safety authorities only the safety groups, so other alerts
/// never reach their browsers.
/// </summary>
public static class AlertGroups
{
    public const string Everything = "alerts:*";

    public static string Park(string park) => "alerts:" + park;

    public static string BureauPark(string park) => "bureau-alerts:" + park;

    /// <summary>The safety alarms of a park: what the safety authorities' browsers join.</summary>
    public static string SafetyPark(string park) => "safety-alerts:" + park;

    /// <summary>The groups an alert's update goes to.</summary>
    public static IReadOnlyList<string> For(AlertDocument alert)
    {
        List<string> groups = [Everything, Park(alert.Park)];
        if (alert.Bureau)
            groups.Add(BureauPark(alert.Park));
        if (alert.Safety)
            groups.Add(SafetyPark(alert.Park));
        return groups;
    }

    /// <summary>The groups a user's browser joins.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal user)
    {
        if (user.IsAdmin())
            return [Everything];
        var parks = user.Parks() ?? new HashSet<string>();
        if (user.IsInRole(DashboardRoles.Bureau))
            return parks.Select(BureauPark).ToList();
        return user.IsInRole(DashboardRoles.Safety) ? parks.Select(SafetyPark).ToList() : parks.Select(Park).ToList();
    }
}
