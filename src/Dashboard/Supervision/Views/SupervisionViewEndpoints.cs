using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Map;
using SmartPark.Dashboard.Supervision.Monitoring;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Views;

/// <summary>
/// The district and city views (pages and APIs), a park's facts and monitoring status, and the
/// map's settings. Who may see what is decided on the rows (<see cref="SupervisionAccess"/>):
/// a district official their district, a city official their city's districts, an admin all.
/// Anything else is 403 whether it exists or not; only an admin is told 404.
/// </summary>
public static class SupervisionViewEndpoints
{
    public static void MapSupervisionViews(this IEndpointRouteBuilder app, RouteGroupBuilder parkApi)
    {
        parkApi.MapGet("/facts", async (HttpContext context, string park, IDbContextFactory<ParkDbContext> factory, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            var district = await db.Jurisdictions.AsNoTracking().FirstAsync(j => j.Id == found.DistrictId, cancellationToken);
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.ParkId == found.Id).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.NameZh, e.NameEn, e.Industry, e.Status }).ToListAsync(cancellationToken);
            return Results.Ok(new
            {
                park = found,
                district = new { district.Id, district.NameZh, district.NameEn, district.CityId, district.CityNameZh, district.CityNameEn },
                enterprises,
                canEdit = context.User.CanEdit(found),
            });
        });

        parkApi.MapGet("/status", async (HttpContext context, string park, IDbContextFactory<ParkDbContext> factory, MonitoringQuery monitoring, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            var statuses = await monitoring.StatusesAsync(db, [found.Id], cancellationToken);
            return Results.Ok(statuses[found.Id]);
        });

        app.MapGet("/api/supervision/districts/{district}", async (HttpContext context, string district, IDbContextFactory<ParkDbContext> factory,
            MonitoringQuery monitoring, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await FindDistrictAsync(db, context.User, district, cancellationToken);
            if (found is null)
                return refusal!;
            var today = SupervisionCalendar.Today(clock);
            var figures = await DistrictFigures.LoadAsync(db, [found], today, parks => monitoring.StatusesAsync(db, parks, cancellationToken), cancellationToken);
            return Results.Ok(new DistrictView(figures.Districts[0], found.CityNameZh, found.CityNameEn, today, figures.ByStage, figures.Overdue, figures.Parks));
        });

        app.MapGet("/api/supervision/cities/{city}", async (HttpContext context, string city, IDbContextFactory<ParkDbContext> factory,
            MonitoringQuery monitoring, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (districts, refusal) = await FindCityAsync(db, context.User, city, cancellationToken);
            if (districts is null)
                return refusal!;
            var today = SupervisionCalendar.Today(clock);
            var figures = await DistrictFigures.LoadAsync(db, districts, today, parks => monitoring.StatusesAsync(db, parks, cancellationToken), cancellationToken);
            var area = new RenovationArea(figures.Districts.Sum(d => d.Area.RenovatedHectares),
                districts.Any(d => d.RenovationTargetKm2 is not null) ? districts.Sum(d => d.RenovationTargetKm2 ?? 0) : null);
            return Results.Ok(new CityView(districts[0].CityId, districts[0].CityNameZh, districts[0].CityNameEn, today, area,
                figures.Districts, DistrictFigures.Sum(figures.Districts), figures.ByStage, figures.Overdue, figures.Parks));
        });

        // The map's base layer, if the deployment has a tile server; not park data.
        app.MapGet("/api/supervision/map", (IOptions<MapOptions> options) =>
            new { tileUrl = string.IsNullOrWhiteSpace(options.Value.TileUrl) ? null : options.Value.TileUrl, attribution = options.Value.Attribution, maxZoom = options.Value.MaxZoom });

        // Pages: the same check as their APIs before the shell is served, so a refused page is a 403 too.
        app.MapGet("/supervision/parks/{park}", async (HttpContext context, string park, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            return found is null ? refusal! : Page(env, "park.html");
        });
        app.MapGet("/supervision/districts/{district}", async (HttpContext context, string district, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await FindDistrictAsync(db, context.User, district, cancellationToken);
            return found is null ? refusal! : Page(env, "district.html");
        });
        app.MapGet("/supervision/cities/{city}", async (HttpContext context, string city, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (districts, refusal) = await FindCityAsync(db, context.User, city, cancellationToken);
            return districts is null ? refusal! : Page(env, "city.html");
        });
    }

    private static IResult Page(IWebHostEnvironment env, string file) =>
        Results.File(Path.Combine(env.WebRootPath, "supervision", file), "text/html; charset=utf-8");

    /// <summary>A district the user supervises (ids are lower case).</summary>
    public static async Task<(Jurisdiction? District, IResult? Refusal)> FindDistrictAsync(ParkDbContext db, ClaimsPrincipal user, string districtId, CancellationToken cancellationToken)
    {
        var id = districtId.ToLowerInvariant();
        var district = await db.VisibleDistricts(user).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return district is not null ? (district, null) : (null, Refusal(user, $"no district '{id}'"));
    }

    /// <summary>The districts of a city, for its city official or an admin; district officials and others are refused.</summary>
    public static async Task<(IReadOnlyList<Jurisdiction>? Districts, IResult? Refusal)> FindCityAsync(ParkDbContext db, ClaimsPrincipal user, string cityId, CancellationToken cancellationToken)
    {
        var id = cityId.ToLowerInvariant();
        if (!user.IsAdmin() && !(user.IsInRole(DashboardRoles.City) && user.City() == id))
            return (null, Refusal(user, ""));
        var districts = await db.VisibleDistricts(user).AsNoTracking().Where(j => j.CityId == id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        return districts.Count > 0 ? (districts, null) : (null, Refusal(user, $"no city '{id}'"));
    }

    private static IResult Refusal(ClaimsPrincipal user, string notFound) => user.IsAdmin()
        ? Results.Problem(notFound, statusCode: StatusCodes.Status404NotFound)
        : Results.Problem("you do not supervise this", statusCode: StatusCodes.Status403Forbidden);
}
