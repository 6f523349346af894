using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Duty;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Duty;

/// <summary>
/// A park's duty roster, read and replaced whole: <c>GET /api/supervision/parks/{park}/duty</c> and
/// <c>PUT</c> with the version the page loaded. The route group refuses (403) whoever may not see
/// the park before any body is read; then <see cref="DutyRosterAccess"/> on the park as stored
/// decides (read: its operators and supervisors; replace: its operators, district and admins). Writing needs the anti-forgery token; a stale version is refused with 409,
/// the roster as it is now and who changed it; the roster must pass the registry's rules; every
/// change is audited as <c>duty:PARK</c> under the signed-in name and moves the registry revision,
/// so Ingest's notifications follow it within a poll. The page is <c>/supervision/parks/{park}/duty</c>.
/// </summary>
public static class DutyRosterEndpoints
{
    public static IEndpointRouteBuilder MapDutyRoster(this IEndpointRouteBuilder app)
    {
        var park = app.MapParkGroup("/api/supervision/parks/{park}/duty");
        park.MapGet("", GetAsync);
        park.MapPut("", PutAsync);
        app.MapParkGroup("/supervision/parks/{park}").MapGet("/duty", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "supervision", "duty.html"), "text/html; charset=utf-8"));
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string park, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanReadDuty(owner))
            return Results.Problem("the park's operators and its supervisors read its duty roster", statusCode: StatusCodes.Status403Forbidden);
        var row = await db.DutyRosters.AsNoTracking().FirstOrDefaultAsync(d => d.ParkId == park, ct);
        return Results.Ok(DutyRosterView.Of(owner, row, http.User.CanManageDuty(owner), clock.GetUtcNow()));
    }

    // The form is optional in the binding only so that the access check comes first.
    private static async Task<IResult> PutAsync(HttpContext http, string park, DutyRosterForm? form, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanManageDuty(owner))
            return Results.Problem("the park's operators, its district's officials and admins keep its duty roster", statusCode: StatusCodes.Status403Forbidden);
        if (form is null)
            return Results.Problem("a roster is required", statusCode: StatusCodes.Status400BadRequest);
        var (duty, errors) = form.Read(park);
        if (errors.Any)
            return errors.ToResult();

        var row = await db.DutyRosters.FirstOrDefaultAsync(d => d.ParkId == park, ct);
        if ((row?.Version ?? 0) != form.Version)
            return await ConflictAsync(factory, owner, clock, ct);
        if (row is null)
            db.DutyRosters.Add(row = new DutyRosterRow { ParkId = park });
        else
            // The version the page loaded is what the UPDATE checks, so a save between our read and this write is caught too.
            db.Entry(row).Property(d => d.Version).OriginalValue = form.Version;
        DutyRosterRows.Write(row, DutyRosterRows.IsEmpty(duty) ? null : duty);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version (DbUpdateConcurrencyException), or a roster created by someone else
            // between the check and the insert (the key refuses the second): either way, theirs stands.
            return await ConflictAsync(factory, owner, clock, ct);
        }
        return Results.Ok(DutyRosterView.Of(owner, row, canEdit: true, clock.GetUtcNow()));
    }

    private static async Task<IResult> ConflictAsync(IDbContextFactory<ParkDbContext> factory, Park owner, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await db.DutyRosters.AsNoTracking().FirstOrDefaultAsync(d => d.ParkId == owner.Id, ct);
        var last = await ParkHistory.LastChangeAsync(db, $"duty:{owner.Id}", ct);
        return Results.Json(new Conflict<DutyRosterView>("the duty roster was changed by someone else since you loaded it",
            DutyRosterView.Of(owner, current, canEdit: true, clock.GetUtcNow()), last), statusCode: StatusCodes.Status409Conflict);
    }
}
