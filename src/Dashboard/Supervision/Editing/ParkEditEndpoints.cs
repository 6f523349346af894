using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Access;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>
/// Editing a park and its enterprises on the web (only with a park database):
/// <c>GET/PUT /api/supervision/parks/{park}</c>, <c>GET /api/supervision/parks/{park}/audit</c>,
/// <c>GET/PUT/POST /api/supervision/parks/{park}/enterprises/{enterprise}</c> and
/// <c>POST /api/supervision/districts/{district}/parks</c>. Reading follows
/// <see cref="ParkAccess.CanSee"/> (the route group); writing needs
/// <see cref="SupervisionAccess.CanEdit"/> on the park as stored (its district in the data, not
/// the URL), an anti-forgery token in the header, valid fields, and the version the form loaded:
/// a save over someone else's newer change is refused with 409, the row as it is now and who
/// changed it, never silently overwritten. Every change is audited under the signed-in name.
/// </summary>
public static class ParkEditEndpoints
{
    private const int HistoryLimit = 200;

    public static IEndpointRouteBuilder MapParkEditing(this IEndpointRouteBuilder app)
    {
        var park = app.MapParkGroup("/api/supervision/parks/{park}");
        park.MapGet("", GetParkAsync);
        park.MapPut("", PutParkAsync);
        park.MapGet("/audit", async (string park, IDbContextFactory<ParkDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!await db.Parks.AnyAsync(p => p.Id == park, ct))
                return Results.Problem($"no park '{park}' in the park database", statusCode: 404);
            return Results.Ok(await ParkHistory.OfParkAsync(db, park, HistoryLimit, ct));
        });
        park.MapGet("/enterprises/{enterprise}", async (string park, string enterprise, IDbContextFactory<ParkDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var row = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park && e.Id == enterprise, ct);
            return row is null ? Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: 404) : Results.Ok(EnterpriseView.Of(row));
        });
        park.MapPut("/enterprises/{enterprise}", PutEnterpriseAsync);
        park.MapPost("/enterprises/{enterprise}", PostEnterpriseAsync);
        park.MapPermitLimits();
        app.MapPost("/api/supervision/districts/{district}/parks", PostParkAsync);
        return app;
    }

    private static async Task<IResult> GetParkAsync(HttpContext http, string park, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ViewAsync(db, http.User, park, ct) is { } view ? Results.Ok(view) : Results.Problem($"no park '{park}' in the park database", statusCode: 404);
    }

    private static async Task<IResult> PutParkAsync(HttpContext http, string park, ParkForm form, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, ParkDirectory directory, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Parks.FirstOrDefaultAsync(p => p.Id == park, ct);
        if (row is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: 404);
        if (!http.User.CanEdit(row))
            return Results.Problem("only the park's district and admins edit it", statusCode: 403);
        var district = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == row.DistrictId, ct);
        var errors = form.Validate(district?.MinimumParkHectares);
        if (errors.Any)
            return errors.ToResult();
        if (row.Version != form.Version)
            return await ParkConflictAsync(factory, http.User, park, ct);
        form.ApplyTo(row);
        // The version the form loaded is what the UPDATE checks, so a change saved between our
        // read and this write is caught by the database too, not only by the comparison above.
        db.Entry(row).Property(p => p.Version).OriginalValue = form.Version;
        db.Actor = Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ParkConflictAsync(factory, http.User, park, ct);
        }
        directory.Invalidate();
        await using var fresh = await factory.CreateDbContextAsync(ct);
        return Results.Ok(await ViewAsync(fresh, http.User, park, ct));
    }

    // The form is optional in the binding only so that the access check comes first: a caller who
    // may not add parks here is told so (403) whatever they sent, as on every supervision endpoint.
    private static async Task<IResult> PostParkAsync(HttpContext http, string district, ParkForm? form, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, ParkDirectory directory, CancellationToken ct)
    {
        if (!http.User.CanEditDistrict(district))
            return Results.Problem("only the district's officials and admins add parks to it", statusCode: 403);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        if (form is null)
            return Results.Problem("a park form is required", statusCode: 400);
        await using var db = await factory.CreateDbContextAsync(ct);
        var jurisdiction = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == district, ct);
        if (jurisdiction is null)
            return Results.Problem($"no district '{district}'", statusCode: 404);
        var errors = form.Validate(jurisdiction.MinimumParkHectares);
        if (!Ids.IsValid(form.Id))
            errors.Add("id", "id", "the id is lower-case letters, digits and '-', at most 64 (devices publish under it)");
        if (errors.Any)
            return errors.ToResult();
        if (await db.Parks.AnyAsync(p => p.Id == form.Id, ct))
            return Results.Problem($"a park '{form.Id}' exists already", statusCode: 409);
        var row = new Park { Id = form.Id!, NameZh = "", DistrictId = district, LeadingIndustry = "" };
        form.ApplyTo(row);
        db.Parks.Add(row);
        db.Actor = Actor(http.User);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        await using var fresh = await factory.CreateDbContextAsync(ct);
        return Results.Created($"/api/supervision/parks/{row.Id}", await ViewAsync(fresh, http.User, row.Id, ct));
    }

    private static async Task<IResult> PutEnterpriseAsync(HttpContext http, string park, string enterprise, EnterpriseForm form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        var row = await db.Enterprises.FirstOrDefaultAsync(e => e.ParkId == park && e.Id == enterprise, ct);
        if (owner is null || row is null)
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: 404);
        if (!http.User.CanEdit(owner))
            return Results.Problem("only the park's district and admins edit its enterprises", statusCode: 403);
        var errors = form.Validate();
        // The registry has no permit without a number, so its limits would silently stop applying.
        if (ParkForm.Blank(form.DischargePermitNumber) is null && await db.PermitLimits.AnyAsync(l => l.ParkId == park && l.EnterpriseId == enterprise, ct))
            errors.Add("dischargePermitNumber", "permit_has_limits", "the permit has limits: remove them before removing its number");
        if (errors.Any)
            return errors.ToResult();
        if (row.Version != form.Version)
            return await EnterpriseConflictAsync(factory, park, enterprise, ct);
        form.ApplyTo(row);
        db.Entry(row).Property(e => e.Version).OriginalValue = form.Version;
        db.Actor = Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await EnterpriseConflictAsync(factory, park, enterprise, ct);
        }
        return Results.Ok(EnterpriseView.Of(row));
    }

    private static async Task<IResult> PostEnterpriseAsync(HttpContext http, string park, string enterprise, EnterpriseForm form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: 404);
        if (!http.User.CanEdit(owner))
            return Results.Problem("only the park's district and admins add enterprises to it", statusCode: 403);
        var errors = form.Validate();
        if (!Ids.IsValid(enterprise))
            errors.Add("id", "id", "the id is lower-case letters, digits and '-', at most 64 (devices publish under it)");
        if (errors.Any)
            return errors.ToResult();
        if (await db.Enterprises.AnyAsync(e => e.ParkId == park && e.Id == enterprise, ct))
            return Results.Problem($"an enterprise '{enterprise}' exists already in park '{park}'", statusCode: 409);
        var row = new Enterprise { ParkId = park, Id = enterprise, NameZh = "", Industry = "" };
        form.ApplyTo(row);
        db.Enterprises.Add(row);
        db.Actor = Actor(http.User);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/supervision/parks/{park}/enterprises/{enterprise}", EnterpriseView.Of(row));
    }

    private static async Task<ParkView?> ViewAsync(ParkDbContext db, ClaimsPrincipal user, string park, CancellationToken ct)
    {
        var row = await db.Parks.AsNoTracking().Include(p => p.Enterprises).FirstOrDefaultAsync(p => p.Id == park, ct);
        if (row is null)
            return null;
        var district = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(j => j.Id == row.DistrictId, ct);
        return ParkView.Of(row, district, user.CanEdit(row));
    }

    private static async Task<IResult> ParkConflictAsync(IDbContextFactory<ParkDbContext> factory, ClaimsPrincipal user, string park, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await ViewAsync(db, user, park, ct);
        if (current is null)
            return Results.Problem($"park '{park}' was removed meanwhile", statusCode: 404);
        var last = await ParkHistory.LastChangeAsync(db, $"park:{park}", ct);
        return Results.Json(new Conflict<ParkView>("the park was changed by someone else since you loaded it", current, last), statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> EnterpriseConflictAsync(IDbContextFactory<ParkDbContext> factory, string park, string enterprise, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park && e.Id == enterprise, ct);
        if (row is null)
            return Results.Problem($"enterprise '{enterprise}' was removed meanwhile", statusCode: 404);
        var last = await ParkHistory.LastChangeAsync(db, row.AuditKey, ct);
        return Results.Json(new Conflict<EnterpriseView>("the enterprise was changed by someone else since you loaded it", EnterpriseView.Of(row), last), statusCode: StatusCodes.Status409Conflict);
    }

    /// <summary>The audit trail's name for the signed-in user: their sign-in name, which does not change.</summary>
    public static string Actor(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
}
