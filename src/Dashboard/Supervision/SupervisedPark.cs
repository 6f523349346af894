using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision;

/// <summary>
/// Finds the park a supervision request names, as the signed-in person may see it
/// (<see cref="SupervisionAccess.VisibleParks"/>): the decision is made on the park's row (its
/// district), never on the URL. Ids are lower case, so the route value is matched lower-cased.
/// A park that is not visible answers 403 whether it exists or not (no probing for ids); only
/// an admin, who sees every park, is told 404.
/// </summary>
public static class SupervisedPark
{
    public static async Task<(Park? Park, IResult? Refusal)> FindAsync(ParkDbContext db, ClaimsPrincipal user, string parkId, CancellationToken cancellationToken)
    {
        var id = parkId.ToLowerInvariant();
        var park = await db.VisibleParks(user).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (park is not null)
            return (park, null);
        return (null, user.IsAdmin()
            ? Results.Problem($"no park '{id}'", statusCode: StatusCodes.Status404NotFound)
            : Results.Problem("you do not supervise this park", statusCode: StatusCodes.Status403Forbidden));
    }
}
