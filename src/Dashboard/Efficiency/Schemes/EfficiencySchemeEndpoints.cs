using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.Dashboard.Efficiency.Schemes;

/// <summary>
/// A district's evaluation scheme on the web: <c>GET /api/efficiency/districts/{district}/scheme?year=</c>
/// (the scheme that evaluates the year, stored or default, with the indicator catalogue) for whoever
/// supervises the district (its official, its city's official, an admin: <see cref="SupervisionAccess"/>
/// on the district's row), <c>PUT</c> of the same path for its official or an admin (anti-forgery
/// token, the version loaded or 409, a valid scheme or 400 with every error; audited by the park
/// database), and the page <c>/efficiency/districts/{district}/scheme</c>.
/// </summary>
public static class EfficiencySchemeEndpoints
{
    public const string Api = "/api/efficiency/districts/{district}/scheme";
    public const string Page = "/efficiency/districts/{district}/scheme";

    /// <summary>The years a scheme may start from: beyond them a year is a typing error.</summary>
    private const int FirstYear = 2000, LastYear = 2100;

    public static IEndpointRouteBuilder MapEfficiencySchemes(this IEndpointRouteBuilder app)
    {
        app.MapGet(Api, GetAsync);
        app.MapPut(Api, PutAsync);
        app.MapGet(Page, async (HttpContext http, string district, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, http.User, district, ct);
            return found is null ? refusal! : Results.File(Path.Combine(env.WebRootPath, "efficiency", "scheme.html"), "text/html; charset=utf-8");
        });
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string district, int? year, IDbContextFactory<ParkDbContext> factory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, http.User, district, ct);
        if (found is null)
            return refusal!;
        var evaluated = year ?? SupervisionCalendar.Today(clock).Year;
        if (evaluated is < FirstYear or > LastYear)
            return Results.Problem($"year must be from {FirstYear} to {LastYear}", statusCode: StatusCodes.Status400BadRequest);
        return Results.Ok(await ViewAsync(db, http.User, found, evaluated, ct));
    }

    // The form is optional in the binding only so that the access check comes first: a caller who
    // may not edit this district's scheme is told so (403) whatever they sent.
    private static async Task<IResult> PutAsync(HttpContext http, string district, SchemeForm? form, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, http.User, district, ct);
        if (found is null)
            return refusal!;
        if (!http.User.CanEditDistrict(found.Id))
            return Results.Problem("only the district's officials and admins change its scheme", statusCode: StatusCodes.Status403Forbidden);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (form is null)
            return Results.Problem("a scheme form is required", statusCode: StatusCodes.Status400BadRequest);

        var errors = new FieldErrors();
        if (form.FromYear is < FirstYear or > LastYear)
            errors.Add("fromYear", "range", $"fromYear must be from {FirstYear} to {LastYear}");
        EfficiencyScheme? scheme = null;
        if (form.Scheme is not { ValueKind: JsonValueKind.Object } document)
            errors.Add("scheme", "required", "scheme must be a JSON object");
        else if (!EfficiencyScheme.TryParse(document.GetRawText(), out scheme, out var problems))
        {
            foreach (var problem in problems)
            {
                // "$.indicators[0].weight: must be …": the path is the field, the rest the reason.
                var cut = problem.IndexOf(": ", StringComparison.Ordinal);
                errors.Add(cut > 0 ? problem[..cut] : "scheme", "scheme", problem);
            }
        }
        if (errors.Any)
            return errors.ToResult();

        var row = await db.EfficiencySchemes.FirstOrDefaultAsync(s => s.JurisdictionId == found.Id && s.FromYear == form.FromYear, ct);
        if ((row?.Version ?? 0) != form.Version)
            return await ConflictAsync(factory, http.User, found, form.FromYear, ct);
        if (row is null)
        {
            // Version 1 from the start, so 0 keeps meaning "no row": two first saves of the same year cannot both pass.
            row = new EfficiencySchemeRow { JurisdictionId = found.Id, FromYear = form.FromYear, Version = 1 };
            db.EfficiencySchemes.Add(row);
        }
        else
        {
            // The version the form loaded is what the UPDATE checks, so a change saved between our
            // read and this write is caught by the database too.
            db.Entry(row).Property(s => s.Version).OriginalValue = form.Version;
        }
        row.Document = scheme!.ToJson();
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of the same row, or a creation of the same first year meanwhile.
            return await ConflictAsync(factory, http.User, found, form.FromYear, ct);
        }
        await using var fresh = await factory.CreateDbContextAsync(ct);
        return Results.Ok(await ViewAsync(fresh, http.User, found, form.FromYear, ct));
    }

    private static async Task<SchemeView> ViewAsync(ParkDbContext db, ClaimsPrincipal user, Jurisdiction district, int year, CancellationToken ct)
    {
        var stored = await EfficiencySchemeStore.FindAsync(db, district.Id, year, ct);
        var scheme = stored?.Scheme ?? EfficiencyScheme.Default;
        var rows = await EfficiencySchemeStore.ListAsync(db, district.Id, ct);
        return new SchemeView(
            district.Id, district.NameZh, district.NameEn, year,
            stored?.FromYear, stored?.Version ?? 0, stored is null, user.CanEditDistrict(district.Id),
            JsonDocument.Parse(scheme.ToJson()).RootElement.Clone(),
            [.. rows.Select(r => new StoredRow(r.FromYear, r.Version))],
            IndicatorCatalogue.All,
            new SchemeVocabulary(ScoringMethods.All, RankingGroups.All, GradingMethods.All));
    }

    private static async Task<IResult> ConflictAsync(IDbContextFactory<ParkDbContext> factory, ClaimsPrincipal user, Jurisdiction district, int fromYear, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await ViewAsync(db, user, district, fromYear, ct);
        var last = await ParkHistory.LastChangeAsync(db, $"efficiency-scheme:{district.Id}/{fromYear}", ct);
        return Results.Json(new Conflict<SchemeView>("the scheme was changed by someone else since you loaded it", current, last), statusCode: StatusCodes.Status409Conflict);
    }
}

/// <summary>What the scheme page saves: the first year the scheme applies to, the version of that year's row it loaded (0: none yet), the scheme.</summary>
public sealed record SchemeForm(int FromYear, long Version, JsonElement? Scheme);

/// <summary>
/// The scheme evaluating a district's year: from which stored row (null and <see cref="IsDefault"/>
/// when the default), its version, whether the caller may change it, the scheme's document, every
/// stored row of the district, and the catalogue and vocabularies the page offers.
/// </summary>
public sealed record SchemeView(
    string District,
    string DistrictNameZh,
    string DistrictNameEn,
    int Year,
    int? FromYear,
    long Version,
    bool IsDefault,
    bool CanEdit,
    JsonElement Scheme,
    IReadOnlyList<StoredRow> Stored,
    IReadOnlyList<IndicatorDefinition> Indicators,
    SchemeVocabulary Vocabulary);

public sealed record StoredRow(int FromYear, long Version);

public sealed record SchemeVocabulary(IReadOnlyList<string> ScoringMethods, IReadOnlyList<string> RankingGroups, IReadOnlyList<string> GradingMethods);
