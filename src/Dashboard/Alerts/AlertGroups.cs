using System.Security.Claims;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Alerts;

/// <summary>
/// SignalR groups for alert pushes. A browser joins the groups its user may see; a bureau officer
/// joins only the bureau groups, so other alerts never reach their browser.
/// </summary>
public static class AlertGroups
{
    public const string Everything = "alerts:*";

    public static string Park(string park) => "alerts:" + park;

    public static string BureauPark(string park) => "bureau-alerts:" + park;

    /// <summary>The groups an alert's update goes to.</summary>
    public static IReadOnlyList<string> For(AlertDocument alert) =>
        alert.Bureau ? [Everything, Park(alert.Park), BureauPark(alert.Park)] : [Everything, Park(alert.Park)];

    /// <summary>The groups a user's browser joins.</summary>
    public static IReadOnlyList<string> Of(ClaimsPrincipal user)
    {
        if (user.IsAdmin())
            return [Everything];
        var parks = user.Parks() ?? new HashSet<string>();
        return user.IsInRole(DashboardRoles.Bureau) ? parks.Select(BureauPark).ToList() : parks.Select(Park).ToList();
    }
}
