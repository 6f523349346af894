using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Whether a signed-in principal still matches the users file. The cookie carries the user's name,
/// role, parks and a stamp of the password hash; a user removed from the file, or whose password
/// was changed, is ended; one whose role, parks, district, city or display name changed gets fresh claims.
/// </summary>
public static class SessionCheck
{
    public const string StampClaim = "smartpark:stamp";

    /// <summary>The principal of a user who just signed in: their claims and their password's stamp.</summary>
    public static ClaimsPrincipal PrincipalOf(DashboardUser user, string scheme)
    {
        var principal = ParkAccess.ToPrincipal(user, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(StampClaim, Stamp(user)));
        return principal;
    }

    /// <summary>A short digest of the password hash: changes with the password, reveals nothing of it.</summary>
    public static string Stamp(DashboardUser user) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)), 0, 16);

    public static SessionVerdict Check(ClaimsPrincipal principal, IReadOnlyDictionary<string, DashboardUser> users)
    {
        var name = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (name is null || !users.TryGetValue(name, out var user))
            return SessionVerdict.Ended("removed");
        if (principal.FindFirst(StampClaim)?.Value != Stamp(user))
            return SessionVerdict.Ended("password_changed");
        var same = principal.FindFirst(ClaimTypes.Role)?.Value == user.Role
            && principal.Identity?.Name == (user.DisplayName ?? user.Name)
            && principal.FindFirst(Supervision.SupervisionAccess.DistrictClaim)?.Value == user.District
            && principal.FindFirst(Supervision.SupervisionAccess.CityClaim)?.Value == user.City
            && principal.FindAll(ParkAccess.ParkClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal).SetEquals(user.Parks);
        return same ? SessionVerdict.Current : SessionVerdict.Changed(user);
    }
}

/// <summary><see cref="SessionCheck.Check"/>'s answer: still current; changed (with the user as the file has them now); or ended, with why.</summary>
public sealed record SessionVerdict(string? EndReason, DashboardUser? Now)
{
    public static SessionVerdict Current { get; } = new(null, null);
    public static SessionVerdict Ended(string reason) => new(reason, null);
    public static SessionVerdict Changed(DashboardUser now) => new(null, now);
    public bool IsCurrent => EndReason is null && Now is null;
}
