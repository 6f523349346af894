using System.Globalization;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Efficiency.LoadProfile;

public static class LoadProfileEndpoints
{
    /// <summary>The longest profile one download gives: a leap year of quarter hours (35 136 rows).</summary>
    public const int MaxDays = 366;

    /// <summary>Days read per InfluxDB query, so a year's profile is a dozen bounded answers, not one huge one.</summary>
    private const int DaysPerQuery = 31;

    /// <summary>
    /// <c>GET /api/parks/{park}/enterprises/{enterprise}/load-profile.csv?from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;lang=zh|en]</c>:
    /// the enterprise's electricity per quarter hour over the China Standard Time days from..to, both included.
    /// The park route group has refused callers who may not see the park (its operators, bureau
    /// officers, and the officials of its district and city may); the enterprise must be the
    /// park's (the park database, else the registry), else 404, so no id reaches the query that the park does not hold.
    /// </summary>
    public static IEndpointRouteBuilder MapLoadProfile(this IEndpointRouteBuilder app)
    {
        app.MapParkApi().MapGet("/enterprises/{enterprise}/load-profile.csv", async (
            string park, string enterprise, string? from, string? to, string? lang,
            ParkEnterprises enterprises, ConsumptionReader reader, CancellationToken cancellationToken) =>
        {
            if (!Ids.IsValid(park) || !Ids.IsValid(enterprise))
                return Results.Problem("not a park or enterprise id", statusCode: StatusCodes.Status400BadRequest);
            if (!TryDay(from, out var first) || !TryDay(to, out var last))
                return Results.Problem("from and to must be days, YYYY-MM-DD", statusCode: StatusCodes.Status400BadRequest);
            var days = last.DayNumber - first.DayNumber + 1;
            if (days < 1 || days > MaxDays)
                return Results.Problem($"to must not be before from, and the range at most {MaxDays} days", statusCode: StatusCodes.Status400BadRequest);
            if (!await enterprises.HoldsAsync(park, enterprise, cancellationToken))
                return Results.Problem($"park '{park}' has no enterprise '{enterprise}'", statusCode: StatusCodes.Status404NotFound);

            var start = LoadProfileBuilder.StartOf(first);
            var end = LoadProfileBuilder.StartOf(last.AddDays(1));
            try
            {
                var points = new List<ConsumptionPoint>();
                for (var chunk = start; chunk < end; chunk = Min(chunk.AddDays(DaysPerQuery), end))
                    points.AddRange(await reader.SeriesAsync(park, enterprise, QuantityCatalogue.Energy, ConsumptionSeries.QuarterHour, chunk, Min(chunk.AddDays(DaysPerQuery), end), cancellationToken));
                var csv = LoadProfileCsv.Write(LoadProfileBuilder.Build(start, end, points), lang);
                return Results.File(csv, "text/csv; charset=utf-8", $"{park}_{enterprise}_load-profile_{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"consumption is unavailable: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
