using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision;
using SmartPark.ParkData;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// The district official's supervision of hazards: <c>GET /api/supervision/districts/{district}/rectification</c>,
/// every order of the district's parks (by the data, <see cref="SupervisionAccess.VisibleDistricts"/>)
/// that is not closed, overdue ones first (most days late first), with the counts the district
/// page shows. An overdue order escalates this way: past its deadline and not closed it is marked
/// overdue on the park's list, heads the district's list highlighted, and is counted and listed in
/// the district's quarterly report.
/// </summary>
public static class DistrictOrderEndpoints
{
    public static void MapDistrictOrders(IEndpointRouteBuilder app) =>
        app.MapGet("/api/supervision/districts/{district}/rectification", ListAsync);

    private static async Task<IResult> ListAsync(HttpContext http, string district, IDbContextFactory<ParkDbContext> factory, RectificationService service, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.VisibleDistricts(http.User).AnyAsync(j => j.Id == district, ct))
        {
            return http.User.IsAdmin()
                ? Results.Problem($"no district '{district}'", statusCode: StatusCodes.Status404NotFound)
                : Results.Problem("you do not supervise this district", statusCode: StatusCodes.Status403Forbidden);
        }
        var parks = await db.Parks.AsNoTracking().Where(p => p.DistrictId == district).Select(p => new { p.Id, p.NameZh, p.NameEn }).ToListAsync(ct);
        var parkIds = parks.Select(p => p.Id).ToList();
        var orders = await db.RectificationOrders.AsNoTracking().Where(o => parkIds.Contains(o.ParkId) && o.State != RectificationStates.Closed).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => parkIds.Contains(e.ParkId)).Select(e => new { e.ParkId, e.Id, e.NameZh, e.NameEn }).ToListAsync(ct);
        var names = enterprises.ToDictionary(e => (e.ParkId, e.Id), e => (e.NameZh, e.NameEn));
        var parkNames = parks.ToDictionary(p => p.Id);
        var today = service.Today;
        var rows = orders
            .Select(o => new
            {
                order = OrderSummary.Of(o, today, names.TryGetValue((o.ParkId, o.EnterpriseId), out var n) ? n : null),
                parkNameZh = parkNames[o.ParkId].NameZh,
                parkNameEn = parkNames[o.ParkId].NameEn,
            })
            .OrderByDescending(r => r.order.Overdue).ThenBy(r => r.order.DaysLeft).ThenBy(r => r.order.Id)
            .ToList();
        return Results.Ok(new { district, today, open = rows.Count, overdue = rows.Count(r => r.order.Overdue), orders = rows });
    }
}
