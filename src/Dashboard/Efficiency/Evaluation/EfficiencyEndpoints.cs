using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Efficiency.Evaluation;

/// <summary>
/// The efficiency evaluation's APIs and pages. Who may see what is decided on the rows: a
/// district's evaluation by <see cref="SupervisionAccess.VisibleDistricts"/> (its official, its
/// city's official, an admin), a park's by <see cref="SupervisionAccess.VisibleParks"/> (its
/// operators, its district's supervisors). A park's view is its district's evaluation filtered to
/// it, with the other parks reduced to industry quartiles.
/// </summary>
public static class EfficiencyEndpoints
{
    /// <summary>Years a park's trend shows, ending with the year asked for.</summary>
    public const int ParkTrendYears = 5;

    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    public static IEndpointRouteBuilder MapEfficiencyEvaluation(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.HasParkDatabase())
            return app;

        app.MapGet("/api/efficiency/districts/{district}", async (HttpContext context, string district, int? year, IDbContextFactory<ParkDbContext> factory,
            EfficiencyEvaluationService service, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, context.User, district, cancellationToken);
            if (found is null)
                return refusal!;
            if (Year(year, clock) is not { } evaluated)
                return YearRefused();
            var parks = await db.Parks.AsNoTracking().Where(p => p.DistrictId == found.Id).OrderBy(p => p.Id)
                .Select(p => new PlaceView(p.Id, p.NameZh, p.NameEn)).ToListAsync(cancellationToken);
            var result = await service.EvaluateAsync(db, found.Id, evaluated, cancellationToken);
            return Results.Ok(EfficiencyViews.District(new PlaceView(found.Id, found.NameZh, found.NameEn), parks, result));
        });

        app.MapGet("/api/efficiency/districts/{district}/trend", async (HttpContext context, string district, int? from, int? to, IDbContextFactory<ParkDbContext> factory,
            EfficiencyEvaluationService service, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, context.User, district, cancellationToken);
            if (found is null)
                return refusal!;
            var last = Year(to, clock);
            var first = from ?? last - (ParkTrendYears - 1);
            if (last is null || first is null || first < FirstYear || first > last || last - first >= EfficiencyEvaluationService.MaxTrendYears)
                return Results.Problem($"from and to are years {FirstYear}–{LastYear}, from ≤ to, at most {EfficiencyEvaluationService.MaxTrendYears} years", statusCode: StatusCodes.Status400BadRequest);
            var years = await service.EvaluateYearsAsync(db, found.Id, first.Value, last.Value, cancellationToken);
            return Results.Ok(new { district = new PlaceView(found.Id, found.NameZh, found.NameEn), years = years.Select(y => EfficiencyViews.Trend(y, _ => true)) });
        });

        app.MapGet("/api/efficiency/parks/{park}", async (HttpContext context, string park, int? year, IDbContextFactory<ParkDbContext> factory,
            EfficiencyEvaluationService service, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            if (found is null)
                return refusal!;
            if (Year(year, clock) is not { } evaluated)
                return YearRefused();
            // Grades are relative to the whole district: evaluate it, then keep the park's part.
            var years = await service.EvaluateYearsAsync(db, found.DistrictId, evaluated - (ParkTrendYears - 1), evaluated, cancellationToken);
            var trend = years.Select(y => EfficiencyViews.Trend(y, e => e.Facts.ParkId == found.Id)).ToList();
            return Results.Ok(EfficiencyViews.Park(new PlaceView(found.Id, found.NameZh, found.NameEn), years[^1], trend));
        });

        // Pages: the same check as their APIs before the shell is served, so a refused page is a 403 too.
        app.MapGet("/efficiency/districts/{district}", async (HttpContext context, string district, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisionViewEndpoints.FindDistrictAsync(db, context.User, district, cancellationToken);
            return found is null ? refusal! : Page(env, "district.html");
        });
        app.MapGet("/efficiency/parks/{park}", async (HttpContext context, string park, IDbContextFactory<ParkDbContext> factory, IWebHostEnvironment env, CancellationToken cancellationToken) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (found, refusal) = await SupervisedPark.FindAsync(db, context.User, park, cancellationToken);
            return found is null ? refusal! : Page(env, "park.html");
        });
        return app;
    }

    /// <summary>The year asked for, or by default the last full calendar year in China Standard Time; null when out of range.</summary>
    private static int? Year(int? asked, TimeProvider clock)
    {
        var year = asked ?? SupervisionCalendar.Today(clock).Year - 1;
        return year is >= FirstYear and <= LastYear ? year : null;
    }

    private static IResult YearRefused() =>
        Results.Problem($"year is {FirstYear}–{LastYear}", statusCode: StatusCodes.Status400BadRequest);

    private static IResult Page(IWebHostEnvironment env, string file) =>
        Results.File(Path.Combine(env.WebRootPath, "efficiency", file), "text/html; charset=utf-8");
}
