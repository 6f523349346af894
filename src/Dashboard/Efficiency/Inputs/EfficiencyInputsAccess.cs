using System.Security.Claims;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// Who may read and write the evaluation's inputs, decided on the park's row (its district in the
/// data), never on the URL. Economic figures and supervision agreements are tax and statistics
/// data the district collects from the tax bureau, the statistics bureau and the enterprises
/// themselves: the park's district officials (and admins) enter them, city officials read them,
/// and the park's operators read their own park's rows (they are asked about them) but do not
/// write them, since a park operator correcting its own tenants' figures would grade itself.
/// Environment bureau officers see a park's emissions, not its tax data. Meter replacements are
/// a site fact the electrician reports: the park's operators and its district's officials record them.
/// </summary>
public static class EfficiencyInputsAccess
{
    /// <summary>May read a park's economic figures and agreements (the route group has already checked CanSee).</summary>
    public static bool CanReadEconomics(this ClaimsPrincipal user, string park) =>
        user.CanSee(park) && (user.IsSupervisor() || user.IsInRole(DashboardRoles.Operator));

    /// <summary>May enter a park's economic figures and agreements: its district's officials and admins.</summary>
    public static bool CanEditEconomics(this ClaimsPrincipal user, Park park) => user.CanEdit(park);

    /// <summary>May record or delete a meter replacement on a device of this park.</summary>
    public static bool CanRecordReplacement(this ClaimsPrincipal user, Park park) =>
        user.IsAdmin()
        || (user.IsInRole(DashboardRoles.District) && user.District() == park.DistrictId)
        || (user.IsInRole(DashboardRoles.Operator) && user.CanSee(park.Id));
}
