using Microsoft.Extensions.Options;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Safety;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.History;

public static class HistoryEndpoints
{
    /// <summary>
    /// <c>GET /api/parks/{park}/devices/{enterprise}/{device}/history?quantity=nmhc[&amp;sensor=voc-1][&amp;minutes=60]</c>: recent raw points.
    /// <c>GET …/series?quantity=nmhc[&amp;sensor=…]&amp;from=…&amp;to=…[&amp;format=csv]</c>: any range, rollups beyond 6 h, CSV export.
    /// </summary>
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        // The park route group refuses parks the user may not see; the reads below touch only the route's park.
        var inPark = app.MapParkApi();
        inPark.MapGet("/devices/{enterprise}/{device}/history", async (
            string park, string enterprise, string device, string? quantity, string? sensor, int? minutes,
            HttpContext context, SafetyReadings safety, HistoryReader reader, TimeProvider time, IOptions<DashboardOptions> options, CancellationToken cancellationToken) =>
        {
            var address = new DeviceAddress(park, enterprise, device);
            if (!address.IsValid)
                return Results.Problem($"'{address}' is not a valid device address", statusCode: 400);
            if (!QuantityCatalogue.TryGet(quantity, out var q))
                return Results.Problem($"quantity '{quantity}' is not one of {string.Join(", ", QuantityCatalogue.All.Select(x => x.Name))}", statusCode: 400);
            if (sensor is not null && !Ids.IsValid(sensor))
                return Results.Problem($"'{sensor}' is not a valid sensor id", statusCode: 400);
            if (context.User.IsSafety() && !safety.IsSafety(park, q.Name, sensor))
                return Results.Problem($"the safety role sees the history of safety readings, not '{q.Name}'", statusCode: 403);
            var span = TimeSpan.FromMinutes(minutes ?? 60);
            if (span <= TimeSpan.Zero || span > options.Value.MaxHistory)
                return Results.Problem($"minutes must be between 1 and {options.Value.MaxHistory.TotalMinutes:0}", statusCode: 400);

            var to = time.GetUtcNow();
            try
            {
                return Results.Ok(await reader.ReadAsync(address, q, sensor, to - span, to, cancellationToken));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"history is unavailable: {ex.Message}", statusCode: 503);
            }
        });
        inPark.MapGet("/devices/{enterprise}/{device}/series", async (
            string park, string enterprise, string device, string? quantity, string? sensor, DateTimeOffset? from, DateTimeOffset? to, string? format,
            HttpContext context, SafetyReadings safety, SeriesReader reader, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var address = new DeviceAddress(park, enterprise, device);
            if (!address.IsValid)
                return Results.Problem($"'{address}' is not a valid device address", statusCode: 400);
            if (!QuantityCatalogue.TryGet(quantity, out var q))
                return Results.Problem($"quantity '{quantity}' is not one of {string.Join(", ", QuantityCatalogue.All.Select(x => x.Name))}", statusCode: 400);
            if (sensor is not null && !Ids.IsValid(sensor))
                return Results.Problem($"'{sensor}' is not a valid sensor id", statusCode: 400);
            if (context.User.IsSafety() && !safety.IsSafety(park, q.Name, sensor))
                return Results.Problem($"the safety role sees the history of safety readings, not '{q.Name}'", statusCode: 403);
            var end = to ?? time.GetUtcNow();
            var start = from ?? end.AddHours(-1);
            if (start >= end || end - start > SeriesResolution.MaxRange)
                return Results.Problem($"from must be before to, at most {SeriesResolution.MaxRange.TotalDays:0} days apart", statusCode: 400);
            try
            {
                var series = await reader.ReadAsync(address, q, sensor, start, end, cancellationToken);
                return format == "csv"
                    ? Results.File(SeriesCsv.Write(series), "text/csv; charset=utf-8", $"{park}_{enterprise}_{device}_{q.Name}_{start:yyyyMMddHHmm}-{end:yyyyMMddHHmm}.csv")
                    : Results.Ok(series);
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"history is unavailable: {ex.Message}", statusCode: 503);
            }
        });
        return app;
    }
}
