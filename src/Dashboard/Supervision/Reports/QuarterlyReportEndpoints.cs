using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Findings;
using SmartPark.ParkData;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// The quarterly report: the printable page, its JSON, the workbook download and the list of stored
/// reports. Every one asks <see cref="SupervisionAccess"/> whether the caller supervises the
/// district (its official, its city's official, an admin) before anything is read.
/// </summary>
public static class QuarterlyReportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddQuarterlyReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QuarterlyReportOptions>(configuration.GetSection(DashboardOptions.Section));
        services.AddSingleton<ReportStore>();
        services.AddTransient<MonitoringFindingsReader>();
        services.AddTransient<QuarterlyReportBuilder>();
        // Written at each quarter's end only where there is a park database to report on.
        if (!string.IsNullOrWhiteSpace(configuration[$"{ParkDatabaseOptions.Section}:ConnectionString"]))
            services.AddHostedService<QuarterlyReportWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapQuarterlyReports(this IEndpointRouteBuilder app)
    {
        const string Api = "/api/supervision/districts/{district}/reports";
        app.MapGet("/supervision/districts/{district}/reports/{year:int}/{quarter:int}", async (HttpContext http, string district, int year, int quarter, IWebHostEnvironment env) =>
            await RefusalAsync(http, district) ?? Results.File(Path.Combine(env.WebRootPath, "supervision", "report.html"), "text/html; charset=utf-8"));

        app.MapGet(Api, async (HttpContext http, string district, ReportStore store, TimeProvider clock) =>
            await RefusalAsync(http, district) ?? Results.Ok(new
            {
                district,
                current = ReportQuarter.Containing(clock.GetUtcNow()).ToString(),
                stored = store.List(district).Select(q => new { quarter = q.ToString(), year = q.Year, q = q.Quarter }),
            }));

        app.MapGet(Api + "/{year:int}-Q{quarter:int}", async (HttpContext http, string district, int year, int quarter, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (await RefusalAsync(http, district) is { } refused)
                return refused;
            if (Quarter(year, quarter, clock) is not { } q)
                return Results.NotFound();
            return await ReportAsync(http, district, q, report => Results.Ok(report), cancellationToken);
        });

        // The stored workbook of an ended quarter (the record as it stood then), else one made now.
        app.MapGet(Api + "/{year:int}-Q{quarter:int}.xlsx", async (HttpContext http, string district, int year, int quarter, ReportStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (await RefusalAsync(http, district) is { } refused)
                return refused;
            if (Quarter(year, quarter, clock) is not { } q)
                return Results.NotFound();
            var name = $"{district}-{q}.xlsx";
            if (store.Find(district, q) is { } stored)
                return Results.File(stored, XlsxType, name);
            return await ReportAsync(http, district, q, report => Results.File(QuarterlyReportWorkbook.ToBytes(report), XlsxType, name), cancellationToken);
        });
        return app;
    }

    /// <summary>A quarter that has begun; null for one that has not (or is no quarter).</summary>
    private static ReportQuarter? Quarter(int year, int quarter, TimeProvider clock) =>
        year is >= 2000 and <= 2999 && quarter is >= 1 and <= 4 && new ReportQuarter(year, quarter) is var q && q <= ReportQuarter.Containing(clock.GetUtcNow())
            ? q : null;

    private static async Task<IResult> ReportAsync(HttpContext http, string district, ReportQuarter quarter, Func<QuarterlyReport, IResult> answer, CancellationToken cancellationToken)
    {
        try
        {
            var report = await http.RequestServices.GetRequiredService<QuarterlyReportBuilder>().BuildAsync(district, quarter, cancellationToken);
            return report is null ? Results.NotFound() : answer(report);
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException)
        {
            return Results.Problem($"monitoring history is unavailable: {ex.Message}", statusCode: 503);
        }
    }

    /// <summary>
    /// Null when the caller supervises the district; else the answer: 404 without a park database
    /// (or, for an admin, no such district), 403 for a district the caller does not supervise,
    /// whether or not it exists, so a refusal tells nothing about other districts.
    /// </summary>
    private static async Task<IResult?> RefusalAsync(HttpContext http, string district)
    {
        if (!http.RequestServices.HasParkDatabase())
            return Results.NotFound();
        var refused = Results.Text($"403: you may not see the reports of district '{district}'", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        if (!http.User.IsSupervisor())
            return refused;
        await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<ParkDbContext>>().CreateDbContextAsync(http.RequestAborted);
        if (await db.VisibleDistricts(http.User).AnyAsync(j => j.Id == district, http.RequestAborted))
            return null;
        return http.User.IsAdmin() ? Results.NotFound() : refused;
    }
}
