using System.Security.Claims;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision;

/// <summary>
/// Which parks and districts a signed-in person may see in the park database, decided on the
/// data (a park's district, a district's city), never on the URL. One place, used by every
/// supervision endpoint, so the lists, the pages, the report and the edits cannot disagree.
/// District officials see and edit their district; city officials see every district of their
/// city (and edit none); admins see and edit everything; operators and bureau officers see the
/// parks listed for them.
/// </summary>
public static class SupervisionAccess
{
    public const string DistrictClaim = "smartpark:district";
    public const string CityClaim = "smartpark:city";

    public static string? District(this ClaimsPrincipal user) => user.FindFirst(DistrictClaim)?.Value;

    public static string? City(this ClaimsPrincipal user) => user.FindFirst(CityClaim)?.Value;

    /// <summary>May use the district and city views (and the report).</summary>
    public static bool IsSupervisor(this ClaimsPrincipal user) =>
        user.IsInRole(DashboardRoles.District) || user.IsInRole(DashboardRoles.City) || user.IsAdmin();

    /// <summary>The districts this person supervises.</summary>
    public static IQueryable<Jurisdiction> VisibleDistricts(this ParkDbContext db, ClaimsPrincipal user)
    {
        if (user.IsAdmin())
            return db.Jurisdictions;
        if (user.IsInRole(DashboardRoles.City) && user.City() is { } city)
            return db.Jurisdictions.Where(j => j.CityId == city);
        if (user.IsInRole(DashboardRoles.District) && user.District() is { } district)
            return db.Jurisdictions.Where(j => j.Id == district);
        return db.Jurisdictions.Where(_ => false);
    }

    /// <summary>The parks this person may see.</summary>
    public static IQueryable<Park> VisibleParks(this ParkDbContext db, ClaimsPrincipal user)
    {
        if (user.IsAdmin())
            return db.Parks;
        if (user.IsSupervisor())
        {
            var districts = db.VisibleDistricts(user).Select(j => j.Id);
            return db.Parks.Where(p => districts.Contains(p.DistrictId));
        }
        var parks = user.Parks() ?? new HashSet<string>();
        return db.Parks.Where(p => parks.Contains(p.Id));
    }

    /// <summary>May change this park, its enterprises and its projects: its district's official, or an admin.</summary>
    public static bool CanEdit(this ClaimsPrincipal user, Park park) =>
        user.IsAdmin() || (user.IsInRole(DashboardRoles.District) && user.District() == park.DistrictId);

    /// <summary>May add a park to this district.</summary>
    public static bool CanEditDistrict(this ClaimsPrincipal user, string districtId) =>
        user.IsAdmin() || (user.IsInRole(DashboardRoles.District) && user.District() == districtId);
}
