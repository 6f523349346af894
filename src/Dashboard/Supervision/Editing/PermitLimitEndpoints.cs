using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>
/// An enterprise's discharge-permit limits on the park edit page (a permit's limit replaces the
/// default rule's at that enterprise; Ingest picks a change up with the registry revision):
/// <c>GET …/enterprises/{enterprise}/limits</c>, and <c>POST</c> (add), <c>PUT</c> (change, with the
/// version loaded) and <c>DELETE</c> (<c>?version=</c>) on <c>…/limits/{quantity}</c>. The same rules
/// as the enterprise form: reading follows the park group's access; writing needs the anti-forgery
/// token and <see cref="SupervisionAccess.CanEdit"/> on the park as stored; a stale version is
/// refused with 409, the row as it is now and who changed it; every change is audited under the
/// signed-in name. A limit needs a permit number to hang on (the registry has no permit without one).
/// </summary>
public static class PermitLimitEndpoints
{
    public static RouteGroupBuilder MapPermitLimits(this RouteGroupBuilder park)
    {
        park.MapGet("/enterprises/{enterprise}/limits", GetAsync);
        park.MapPost("/enterprises/{enterprise}/limits/{quantity}", PostAsync);
        park.MapPut("/enterprises/{enterprise}/limits/{quantity}", PutAsync);
        park.MapDelete("/enterprises/{enterprise}/limits/{quantity}", DeleteAsync);
        return park;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string park, string enterprise, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        var row = await db.Enterprises.AsNoTracking().Include(e => e.PermitLimits).FirstOrDefaultAsync(e => e.ParkId == park && e.Id == enterprise, ct);
        if (owner is null || row is null)
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: 404);
        return Results.Ok(new PermitLimitsView(
            http.User.CanEdit(owner),
            row.DischargePermitNumber,
            [.. row.PermitLimits.OrderBy(l => l.Quantity, StringComparer.Ordinal).Select(PermitLimitView.Of)],
            [.. PermitLimitQuantities.All.Select(q => new PermitLimitChoice(q.Name, q.Unit, q.Title.Zh, q.Title.En))]));
    }

    private static async Task<IResult> PostAsync(HttpContext http, string park, string enterprise, string quantity, PermitLimitForm? form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await RefuseAsync(http, db, antiforgery, park, enterprise, ct) is { } refused)
            return refused;
        if (form is null)
            return Results.Problem("a limit is required", statusCode: 400);
        var owner = await db.Enterprises.AsNoTracking().FirstAsync(e => e.ParkId == park && e.Id == enterprise, ct);
        var errors = form.Validate(quantity);
        if (owner.DischargePermitNumber is null)
            errors.Add("limit", "no_permit", "record the discharge permit's number first: a limit belongs to a permit");
        if (errors.Any)
            return errors.ToResult();
        if (await db.PermitLimits.AsNoTracking().FirstOrDefaultAsync(l => l.ParkId == park && l.EnterpriseId == enterprise && l.Quantity == quantity, ct) is { } existing)
            return await ConflictAsync(db, existing, "the permit has a limit on this quantity already", ct);
        var row = new PermitLimitRow { ParkId = park, EnterpriseId = enterprise, Quantity = quantity, Limit = form.Limit!.Value };
        db.PermitLimits.Add(row);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added by someone else between the check and the save: the key refuses the second.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.PermitLimits.AsNoTracking().FirstOrDefaultAsync(l => l.ParkId == park && l.EnterpriseId == enterprise && l.Quantity == quantity, ct);
            return current is null ? throw new InvalidOperationException("the limit was refused and is not there") : await ConflictAsync(fresh, current, "the permit has a limit on this quantity already", ct);
        }
        return Results.Created($"/api/supervision/parks/{park}/enterprises/{enterprise}/limits/{quantity}", PermitLimitView.Of(row));
    }

    private static async Task<IResult> PutAsync(HttpContext http, string park, string enterprise, string quantity, PermitLimitForm? form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await RefuseAsync(http, db, antiforgery, park, enterprise, ct) is { } refused)
            return refused;
        if (form is null)
            return Results.Problem("a limit is required", statusCode: 400);
        var errors = form.Validate(quantity);
        if (errors.Any)
            return errors.ToResult();
        return await ChangeLoadedAsync(http, db, factory, park, enterprise, quantity, form.Version,
            (_, row) => row.Limit = form.Limit!.Value, row => Results.Ok(PermitLimitView.Of(row)), ct);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string park, string enterprise, string quantity, long? version,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await RefuseAsync(http, db, antiforgery, park, enterprise, ct) is { } refused)
            return refused;
        if (version is null)
            return Results.Problem("the version of the limit you loaded is required (?version=)", statusCode: 400);
        return await ChangeLoadedAsync(http, db, factory, park, enterprise, quantity, version.Value,
            (context, row) => context.PermitLimits.Remove(row), _ => Results.NoContent(), ct);
    }

    /// <summary>
    /// Changes (or removes) the limit as the page loaded it: 404 when it is gone, 409 with the row as it is now when
    /// its version moved, and the loaded version is what the UPDATE or DELETE itself checks, so a change made between
    /// this read and the save is refused too (as on the enterprise form).
    /// </summary>
    private static async Task<IResult> ChangeLoadedAsync(HttpContext http, ParkDbContext db, IDbContextFactory<ParkDbContext> factory,
        string park, string enterprise, string quantity, long loadedVersion, Action<ParkDbContext, PermitLimitRow> change, Func<PermitLimitRow, IResult> done, CancellationToken ct)
    {
        var row = await db.PermitLimits.FirstOrDefaultAsync(l => l.ParkId == park && l.EnterpriseId == enterprise && l.Quantity == quantity, ct);
        if (row is null)
            return Results.Problem($"no limit on '{quantity}' in the permit of '{enterprise}'", statusCode: 404);
        if (row.Version != loadedVersion)
            return await ConflictAsync(db, row, "the limit was changed by someone else since you loaded it", ct);
        change(db, row);
        db.Entry(row).Property(l => l.Version).OriginalValue = loadedVersion;
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await CurrentConflictAsync(factory, park, enterprise, quantity, ct);
        }
        return done(row);
    }

    /// <summary>The token, the enterprise, then who may write: decided on the park as stored (its district), not on the URL.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext http, ParkDbContext db, IAntiforgery antiforgery, string park, string enterprise, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null || !await db.Enterprises.AnyAsync(e => e.ParkId == park && e.Id == enterprise, ct))
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: 404);
        if (!http.User.CanEdit(owner))
            return Results.Problem("only the park's district and admins edit its enterprises' permits", statusCode: 403);
        return null;
    }

    private static async Task<IResult> CurrentConflictAsync(IDbContextFactory<ParkDbContext> factory, string park, string enterprise, string quantity, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await db.PermitLimits.AsNoTracking().FirstOrDefaultAsync(l => l.ParkId == park && l.EnterpriseId == enterprise && l.Quantity == quantity, ct);
        return current is null
            ? Results.Problem($"the limit on '{quantity}' was removed meanwhile", statusCode: 404)
            : await ConflictAsync(db, current, "the limit was changed by someone else since you loaded it", ct);
    }

    private static async Task<IResult> ConflictAsync(ParkDbContext db, PermitLimitRow current, string title, CancellationToken ct)
    {
        var last = await ParkHistory.LastChangeAsync(db, current.AuditKey, ct);
        return Results.Json(new Conflict<PermitLimitView>(title, PermitLimitView.Of(current), last), statusCode: StatusCodes.Status409Conflict);
    }
}
