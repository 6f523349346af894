using System.Security.Claims;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Who may see which park, decided from the sign-in cookie's claims alone. One place, used by the
/// pages, the APIs and the SignalR hub, so they cannot disagree.
/// </summary>
public static class ParkAccess
{
    public const string ParkClaim = "smartpark:park";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(DashboardRoles.Admin);

    public static bool CanSee(this ClaimsPrincipal user, string park) =>
        user.Identity?.IsAuthenticated == true &&
        (user.IsAdmin() || user.FindAll(ParkClaim).Any(c => string.Equals(c.Value, park, StringComparison.Ordinal)));

    /// <summary>The parks of a user; null for an admin, who sees every park.</summary>
    public static IReadOnlySet<string>? Parks(this ClaimsPrincipal user) =>
        user.IsAdmin() ? null : user.FindAll(ParkClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static ClaimsPrincipal ToPrincipal(DashboardUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Name),
            new(ClaimTypes.Name, user.DisplayName ?? user.Name),
            new(ClaimTypes.Role, user.Role),
        };
        claims.AddRange(user.Parks.Select(p => new Claim(ParkClaim, p)));
        if (user.District is { } district)
            claims.Add(new Claim(Supervision.SupervisionAccess.DistrictClaim, district));
        if (user.City is { } city)
            claims.Add(new Claim(Supervision.SupervisionAccess.CityClaim, city));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
