using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// An enterprise's supervision agreement: <c>GET/PUT /api/efficiency/parks/{park}/enterprises/{enterprise}/agreement</c>,
/// with the same access as the economic figures (<see cref="EfficiencyInputsAccess"/>), a stale
/// save refused with 409 and who changed it, every change audited.
/// </summary>
public static class AgreementEndpoints
{
    public static void MapAgreements(RouteGroupBuilder park)
    {
        park.MapGet("/enterprises/{enterprise}/agreement", GetAsync);
        park.MapPut("/enterprises/{enterprise}/agreement", PutAsync);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string park, string enterprise, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        if (!http.User.CanReadEconomics(park))
            return Results.Problem("agreements are for the park's district, its city and its operators", statusCode: StatusCodes.Status403Forbidden);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null || !await db.Enterprises.AnyAsync(e => e.ParkId == park && e.Id == enterprise, ct))
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        var row = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.ParkId == park && a.EnterpriseId == enterprise, ct);
        return Results.Ok(AgreementView.Of(park, enterprise, row, http.User.CanEditEconomics(owner)));
    }

    private static async Task<IResult> PutAsync(HttpContext http, string park, string enterprise, AgreementForm form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null || !await db.Enterprises.AnyAsync(e => e.ParkId == park && e.Id == enterprise, ct))
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanEditEconomics(owner))
            return Results.Problem("only the park's district and admins file its enterprises' agreements", statusCode: StatusCodes.Status403Forbidden);
        var errors = form.Validate(clock);
        if (errors.Any)
            return errors.ToResult();
        var row = await db.Agreements.FirstOrDefaultAsync(a => a.ParkId == park && a.EnterpriseId == enterprise, ct);
        if (row is null)
        {
            if (form.Version is not null)
                return await ConflictAsync(factory, park, enterprise, ct);
            row = new SupervisionAgreement { ParkId = park, EnterpriseId = enterprise };
            db.Agreements.Add(row);
        }
        else if (row.Version != form.Version)
        {
            return await ConflictAsync(factory, park, enterprise, ct);
        }
        form.ApplyTo(row);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return await ConflictAsync(factory, park, enterprise, ct);
        }
        return Results.Ok(AgreementView.Of(park, enterprise, row, canEdit: true));
    }

    private static async Task<IResult> ConflictAsync(IDbContextFactory<ParkDbContext> factory, string park, string enterprise, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.ParkId == park && a.EnterpriseId == enterprise, ct);
        var last = row is null ? null : await ParkHistory.LastChangeAsync(db, row.AuditKey, ct);
        return Results.Json(new Conflict<AgreementView>("the agreement was changed by someone else since you loaded it",
            AgreementView.Of(park, enterprise, row, canEdit: true), last), statusCode: StatusCodes.Status409Conflict);
    }
}
