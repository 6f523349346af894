using System.Security.Claims;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// Who may do what with rectification orders, decided on the order's park (the route group has
/// already refused a park the user may not see, <see cref="ParkAccess.CanSee"/>, which for
/// district and city officials follows the park's district in the data). The park's operators
/// issue, verify, reject and close orders and run inspections: they answer for the park's safety
/// on site. District and city officials and the emergency-management and fire authorities
/// (<c>safety</c>) read the orders of their parks: they supervise, they do not fix. Environment
/// bureau officers are not shown them: they see emissions, and an order's enterprise contact and
/// photos are the park's business. Admins do everything.
/// </summary>
public static class RectificationAccess
{
    /// <summary>The emergency-management and fire authorities' role (<c>DashboardRoles.Safety</c>, added by another change of issue 19).</summary>
    public const string SafetyRole = DashboardRoles.Safety;

    public static bool CanReadOrders(this ClaimsPrincipal user, string park) =>
        user.CanSee(park) && (user.IsAdmin() || user.IsInRole(DashboardRoles.Operator) || user.IsInRole(DashboardRoles.District)
            || user.IsInRole(DashboardRoles.City) || user.IsInRole(SafetyRole));

    public static bool CanManageOrders(this ClaimsPrincipal user, string park) =>
        user.CanSee(park) && (user.IsAdmin() || user.IsInRole(DashboardRoles.Operator));
}
