using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Emissions;

/// <summary>
/// The bureau page's emissions view, beside <c>/api/bureau/exceedances</c>:
/// <c>GET /api/bureau/emissions</c> (every flue-gas and wastewater discharge of the user's parks with
/// each pollutant's latest hourly value, limit and ratio) and
/// <c>GET /api/bureau/emissions/series?park=&amp;enterprise=&amp;device=&amp;sensor=&amp;quantity=&amp;days=1|7</c>
/// (hourly means with flags, the limit, daily kg). What a user sees is decided on the registry's
/// rows: only parks they may see are listed, and a series is served only for a source the registry
/// places in a park of theirs (403 for any other park, whether it exists or not).
/// </summary>
public static class EmissionEndpoints
{
    public static IServiceCollection AddEmissions(this IServiceCollection services) => services.AddTransient<EmissionReader>();

    public static IEndpointRouteBuilder MapEmissions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bureau/emissions", async (HttpContext context, RegistryProvider registry, ParkRuleSets rules, EmissionReader reader, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var parks = (registry.Current?.Parks ?? []).Where(p => context.User.CanSee(p.Id)).ToList();
            var sources = parks.SelectMany(EmissionSources.Of).ToList();
            try
            {
                var latest = await reader.LatestAsync(sources, time.GetUtcNow(), cancellationToken);
                var points = new List<EmissionPointView>();
                foreach (var park in parks)
                {
                    var parkRules = rules.Of(park.Id);
                    foreach (var enterprise in park.Enterprises)
                    {
                        foreach (var device in EmissionSources.Of(park.Id, enterprise).GroupBy(s => (s.Device, s.Medium)))
                        {
                            var pollutants = device.Select(s =>
                            {
                                var limit = EmissionReader.View(EmissionLimits.For(parkRules, s));
                                (DateTimeOffset Hour, double Value, bool Flagged)? now = latest.TryGetValue(s, out var l) ? l : null;
                                // A ratio to a pH "limit" means nothing: pH is judged against a range.
                                double? ratio = now is { } n && limit is { Value: > 0 } && s.Shown.Unit != "pH" ? n.Value / limit.Value : null;
                                return new PollutantNow(s.Shown.Name, s.Measured.Name, s.Sensor, s.Shown.Unit, s.Rate?.Name,
                                    now?.Hour, now?.Value, now?.Flagged ?? false, limit, ratio);
                            }).ToList();
                            var first = device.First();
                            points.Add(new EmissionPointView(park.Id, park.Name, park.NameEn, enterprise.Id, enterprise.Name, enterprise.NameEn,
                                first.Device, first.Point, Medium(first.Medium), pollutants));
                        }
                    }
                }
                return Results.Ok(points);
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"emission data is unavailable: {ex.Message}", statusCode: 503);
            }
        });

        app.MapGet("/api/bureau/emissions/series", async (HttpContext context, string park, string enterprise, string device, string? sensor, string quantity, int? days,
            RegistryProvider registry, ParkRuleSets rules, EmissionReader reader, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!Ids.IsValid(park) || !Ids.IsValid(enterprise) || !Ids.IsValid(device) || (sensor is not null && !Ids.IsValid(sensor)))
                return Results.Problem("not a park, enterprise, device or sensor id", statusCode: 400);
            if (!context.User.CanSee(park))
                return Results.Problem($"park '{park}' is not one of yours", statusCode: 403);
            var registered = registry.Current?.FindEnterprise(park, enterprise);
            var matching = registered is null ? [] : EmissionSources.Of(park, registered)
                .Where(s => s.Device == device && (s.Measured.Name == quantity || s.Shown.Name == quantity) && (sensor is null || s.Sensor == sensor))
                .ToList();
            if (matching.Count != 1)
                return Results.Problem(matching.Count == 0
                    ? $"no discharge of '{enterprise}' measures '{quantity}' at '{device}'"
                    : $"several sensors of '{device}' measure '{quantity}': name the sensor", statusCode: matching.Count == 0 ? 404 : 400);
            var source = matching[0];
            var span = Math.Clamp(days ?? 1, 1, 31);
            var to = time.GetUtcNow();
            var from = to - TimeSpan.FromDays(span);
            var today = DateOnly.FromDateTime(to.ToOffset(EmissionReader.ChinaStandardTime).DateTime);
            try
            {
                var (hours, loads) = await reader.SeriesAsync(source, from, to, today.AddDays(1 - span), cancellationToken);
                return Results.Ok(new EmissionSeries(park, enterprise, device, source.Sensor, source.Shown.Name, source.Measured.Name, source.Shown.Unit,
                    EmissionReader.View(EmissionLimits.For(rules.Of(park), source)), from, to, hours, source.Rate?.Name, loads));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"emission data is unavailable: {ex.Message}", statusCode: 503);
            }
        });
        return app;
    }

    private static string Medium(EmissionMedium medium) => medium == EmissionMedium.FlueGas ? "flueGas" : "wastewater";
}
