using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Supervision.Access;

/// <summary>
/// Gives a district or city official, on each request (and each hub connection), the parks their
/// district or city holds in the data now, as <see cref="ParkAccess.SupervisedParkClaim"/> claims.
/// Everything that asks <see cref="ParkAccess.CanSee"/> or <see cref="ParkAccess.Parks"/> — the
/// park pages and APIs, the hub, the alert lists — then treats an official like an operator of
/// those parks, without each of them learning about districts. The claims are never issued in
/// the cookie (this runs after the cookie is read and validated) and any that came in are
/// replaced, so they only ever say what the data says.
/// </summary>
public sealed class SupervisedParksClaims(ParkDirectory directory) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
            return principal;
        var parks = await directory.SupervisedParksAsync(principal);
        var stale = identity.FindAll(ParkAccess.SupervisedParkClaim).ToList();
        if (stale.Count == 0 && parks.Count == 0)
            return principal;
        // A new identity rather than the cookie's own, so the transformation may run twice a request.
        var fresh = identity.Clone();
        foreach (var claim in fresh.FindAll(ParkAccess.SupervisedParkClaim).ToList())
            fresh.RemoveClaim(claim);
        fresh.AddClaims(parks.Select(p => new Claim(ParkAccess.SupervisedParkClaim, p)));
        return new ClaimsPrincipal(fresh);
    }
}
