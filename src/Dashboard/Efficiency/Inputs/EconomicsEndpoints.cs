using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// The economic figures of the efficiency evaluation, per enterprise and year:
/// <c>GET /api/efficiency/districts</c> (the districts the caller supervises),
/// <c>GET /api/efficiency/districts/{district}/economics/{year}</c> (a district's enterprises, for
/// whoever supervises the district), <c>GET /api/efficiency/parks/{park}/economics/{year}</c> (a
/// park's, also for its operators) and <c>PUT /api/efficiency/parks/{park}/enterprises/{enterprise}/economics/{year}</c>
/// (create or update, the district's officials and admins; 409 with who changed it on a stale version).
/// </summary>
public static class EconomicsEndpoints
{
    public const string Web = "web";

    public static void MapEconomics(IEndpointRouteBuilder app, RouteGroupBuilder park)
    {
        app.MapGet("/api/efficiency/districts", async (HttpContext http, IDbContextFactory<ParkDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var districts = await db.VisibleDistricts(http.User).AsNoTracking().OrderBy(j => j.CityId).ThenBy(j => j.Id)
                .Select(j => new { id = j.Id, nameZh = j.NameZh, nameEn = j.NameEn })
                .ToListAsync(ct);
            return Results.Ok(districts.Select(d => new { d.id, d.nameZh, d.nameEn, canEdit = http.User.CanEditDistrict(d.id) }));
        });
        app.MapGet("/api/efficiency/districts/{district}/economics/{year:int}", DistrictAsync);
        park.MapGet("/economics/{year:int}", ParkAsync);
        park.MapPut("/enterprises/{enterprise}/economics/{year:int}", SaveAsync);
    }

    private static async Task<IResult> DistrictAsync(HttpContext http, string district, int year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, http.User, district, ct);
        if (found is null)
            return refusal!;
        if (!EvaluationYears.IsValid(year, clock))
            return YearRefused(clock);
        var enterprises = await EnterpriseEconomicsView.LoadAsync(db, db.Parks.Where(p => p.DistrictId == found.Id), year, ct);
        return Results.Ok(new
        {
            district = new { id = found.Id, nameZh = found.NameZh, nameEn = found.NameEn },
            year,
            firstYear = EvaluationYears.First,
            lastYear = EvaluationYears.Last(clock),
            canEdit = http.User.CanEditDistrict(found.Id),
            enterprises,
        });
    }

    private static async Task<IResult> ParkAsync(HttpContext http, string park, int year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct)
    {
        if (!http.User.CanReadEconomics(park))
            return Results.Problem("economic figures are for the park's district, its city and its operators", statusCode: StatusCodes.Status403Forbidden);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (row is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        if (!EvaluationYears.IsValid(year, clock))
            return YearRefused(clock);
        var enterprises = await EnterpriseEconomicsView.LoadAsync(db, db.Parks.Where(p => p.Id == park), year, ct);
        return Results.Ok(new
        {
            park = new { id = row.Id, nameZh = row.NameZh, nameEn = row.NameEn, districtId = row.DistrictId },
            year,
            firstYear = EvaluationYears.First,
            lastYear = EvaluationYears.Last(clock),
            canEdit = http.User.CanEditEconomics(row),
            enterprises,
        });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, string park, string enterprise, int year, EconomicsForm form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        var company = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park && e.Id == enterprise, ct);
        if (owner is null || company is null)
            return Results.Problem($"no enterprise '{enterprise}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanEditEconomics(owner))
            return Results.Problem("only the park's district and admins enter its enterprises' figures", statusCode: StatusCodes.Status403Forbidden);
        var errors = form.Validate();
        if (!EvaluationYears.IsValid(year, clock))
            errors.Add("year", "range", $"the year must be between {EvaluationYears.First} and {EvaluationYears.Last(clock)}");
        if (errors.Any)
            return errors.ToResult();

        var row = await db.Economics.FirstOrDefaultAsync(e => e.ParkId == park && e.EnterpriseId == enterprise && e.Year == year, ct);
        if (row is null)
        {
            // A form that loaded a version of figures no longer there is stale.
            if (form.Version is not null)
                return await ConflictAsync(factory, owner, company, year, ct);
            row = new EnterpriseEconomics { ParkId = park, EnterpriseId = enterprise, Year = year };
            db.Economics.Add(row);
        }
        else if (row.Version != form.Version)
        {
            return await ConflictAsync(factory, owner, company, year, ct);
        }
        // The row was read in this context at the version the form loaded, so the UPDATE checks
        // that version: a save between our read and this write is caught by the database too.
        form.ApplyTo(row, Web);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale update (DbUpdateConcurrencyException) or two first entries at once (the key
            // is taken): either way someone else's figures are there now.
            return await ConflictAsync(factory, owner, company, year, ct);
        }
        return Results.Ok(EnterpriseEconomicsView.Of(company, owner, year, row));
    }

    private static async Task<IResult> ConflictAsync(IDbContextFactory<ParkDbContext> factory, ParkData.Entities.Park park, ParkData.Entities.Enterprise enterprise, int year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Economics.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park.Id && e.EnterpriseId == enterprise.Id && e.Year == year, ct);
        var last = row is null ? null : await ParkHistory.LastChangeAsync(db, row.AuditKey, ct);
        return Results.Json(new Conflict<EnterpriseEconomicsView>("the figures were changed by someone else since you loaded them",
            EnterpriseEconomicsView.Of(enterprise, park, year, row), last), statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult YearRefused(TimeProvider clock) =>
        Results.Problem($"the year must be between {EvaluationYears.First} and {EvaluationYears.Last(clock)}", statusCode: StatusCodes.Status400BadRequest);
}
