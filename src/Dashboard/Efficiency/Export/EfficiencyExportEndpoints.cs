using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Supervision;
using SmartPark.ParkData;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Efficiency.Export;

public static class EfficiencyExportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /api/efficiency/districts/{district}/export.xlsx?year=2026</c>: the district's
    /// evaluation for the year as a workbook (<see cref="EfficiencyWorkbook"/>). For the district's
    /// officials, its city's and admins: access is decided on the district's row in the park
    /// database (<see cref="SupervisionAccess.VisibleDistricts"/>) before anything is read; the
    /// enterprises are those of the district's parks by the database, never a list from the request.
    /// </summary>
    public static IEndpointRouteBuilder MapEfficiencyExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/efficiency/districts/{district}/export.xlsx", async (
            HttpContext http, string district, int? year, EfficiencyEvaluationService evaluation, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (http.RequestServices.GetService<IDbContextFactory<ParkDbContext>>() is not { } factory)
                return Results.NotFound();
            var refused = Results.Text($"403: you may not see the efficiency of district '{district}'", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            if (!http.User.IsSupervisor() || !Ids.IsValid(district))
                return refused;
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.VisibleDistricts(http.User).AnyAsync(j => j.Id == district, cancellationToken))
                return http.User.IsAdmin() ? Results.NotFound() : refused;
            // The last full year by default: the one an evaluation is made for.
            var evaluatedYear = year ?? clock.GetUtcNow().ToOffset(Contracts.Consumption.ConsumptionSeries.CalendarOffset).Year - 1;
            if (evaluatedYear is < 2000 or > 2999)
                return Results.Problem("year must be between 2000 and 2999", statusCode: StatusCodes.Status400BadRequest);
            try
            {
                var evaluated = await evaluation.EvaluateAsync(db, district, evaluatedYear, cancellationToken);
                var parks = await db.Parks.AsNoTracking().Where(p => p.DistrictId == district)
                    .Select(p => new ExportPark(p.Id, p.NameZh, p.NameEn)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
                return Results.File(EfficiencyWorkbook.ToBytes(evaluated, parks), XlsxType, $"{district}-efficiency-{evaluatedYear}.xlsx");
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"consumption is unavailable: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
