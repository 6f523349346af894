using System.Security.Claims;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Duty;

/// <summary>
/// Who may read and replace a park's duty roster, decided on the park's row (its district in the
/// data), never on the URL: the park's operators (they run the shifts), its district's officials
/// and admins replace it; city officials, who supervise the district's parks, read it. The roster
/// holds people's mobile numbers and addresses, so bureau officers, who see the park for its
/// emissions, do not read it: the alarms reach them by their own channel.
/// </summary>
public static class DutyRosterAccess
{
    /// <summary>May read the roster (the route group has already checked that the user sees the park).</summary>
    public static bool CanReadDuty(this ClaimsPrincipal user, Park park) =>
        user.CanSee(park.Id) && (user.IsSupervisor() || user.IsInRole(DashboardRoles.Operator));

    /// <summary>May replace the roster.</summary>
    public static bool CanManageDuty(this ClaimsPrincipal user, Park park) =>
        user.IsAdmin()
        || (user.IsInRole(DashboardRoles.District) && user.District() == park.DistrictId)
        || (user.IsInRole(DashboardRoles.Operator) && user.CanSee(park.Id));
}
