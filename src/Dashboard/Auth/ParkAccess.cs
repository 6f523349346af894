using System.Security.Claims;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Who may see which park. One place, used by the pages, the APIs and the SignalR hub, so they
/// cannot disagree. Operators and bureau officers see the parks the users list gives them
/// (<see cref="ParkClaim"/>, in the cookie); district and city officials see the parks their
/// district or city holds in the data (<see cref="SupervisedParkClaim"/>, put on each request by
/// <c>SupervisedParksClaims</c> from the park database or the registry, never from the URL).
/// </summary>
public static class ParkAccess
{
    public const string ParkClaim = "smartpark:park";

    /// <summary>A park of a district or city official's district or city, as the data says now (never in the cookie).</summary>
    public const string SupervisedParkClaim = "smartpark:supervised-park";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(DashboardRoles.Admin);

    public static bool CanSee(this ClaimsPrincipal user, string park) =>
        user.Identity?.IsAuthenticated == true &&
        (user.IsAdmin() || user.Claims.Any(c => c.Type is ParkClaim or SupervisedParkClaim && string.Equals(c.Value, park, StringComparison.Ordinal)));

    /// <summary>The parks of a user; null for an admin, who sees every park.</summary>
    public static IReadOnlySet<string>? Parks(this ClaimsPrincipal user) =>
        user.IsAdmin() ? null : user.Claims.Where(c => c.Type is ParkClaim or SupervisedParkClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// May acknowledge alerts: the people who answer for the park (operators, bureau officers for
    /// their alerts, admins). District and city officials watch: an acknowledgement tells the
    /// park's staff that someone on site has it in hand, which an official in an office cannot say.
    /// The safety authorities watch too: their receipt would be recorded as the bureau's
    /// (<c>AlertDocument.BureauReceivedBy</c>), and their system already has every alarm by webhook.
    /// </summary>
    public static bool MayAcknowledge(this ClaimsPrincipal user) =>
        !user.IsInRole(DashboardRoles.District) && !user.IsInRole(DashboardRoles.City) && !user.IsInRole(DashboardRoles.Safety);

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
