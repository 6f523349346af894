using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Live;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard.Safety;

/// <summary>One park's open safety alarms, newest first, with the park's names when the registry has them.</summary>
public sealed record SafetyPark(string Park, string? Name, string? NameEn, IReadOnlyList<AlertDocument> Alarms);

/// <summary>
/// The safety overview: <c>/safety</c> (page) and <c>GET /api/safety/alarms</c> — for each park the user
/// may see, its open safety alarms (fire, electrical fire, gas, fire water), newest first. Every signed-in
/// user may open it (an operator sees their own parks' alarms); it is the safety authorities' landing.
/// </summary>
public static class SafetyEndpoints
{
    public const string PagePath = "/safety";
    public const string AlarmsPath = "/api/safety/alarms";

    public static IServiceCollection AddSafetyView(this IServiceCollection services) => services.AddSingleton<SafetyReadings>();

    public static IEndpointRouteBuilder MapSafety(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "safety.html"), "text/html; charset=utf-8"));
        app.MapGet(AlarmsPath, (HttpContext context, AlertBook book, LiveState live, RegistryProvider registry) =>
            Build(context.User.Parks() ?? live.Parks().ToHashSet(StringComparer.Ordinal), book.Open(a => a.Safety && context.User.CanSee(a)), registry));
        return app;
    }

    /// <summary>Every park of <paramref name="parks"/> (none left out for having no alarm: "quiet" is news too),
    /// parks with alarms first, then by id; each park's alarms newest first.</summary>
    public static IReadOnlyList<SafetyPark> Build(IReadOnlySet<string> parks, IReadOnlyList<AlertDocument> alarms, RegistryProvider? registry)
    {
        var byPark = alarms.GroupBy(a => a.Park, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return parks.Union(byPark.Keys, StringComparer.Ordinal)
            .Select(park =>
            {
                var known = registry?.Current?.Parks.FirstOrDefault(p => p.Id == park);
                var open = byPark.GetValueOrDefault(park) ?? [];
                return new SafetyPark(park, known?.Name, known?.NameEn,
                    [.. open.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal)]);
            })
            .OrderBy(p => p.Alarms.Count == 0)
            .ThenBy(p => p.Park, StringComparer.Ordinal)
            .ToList();
    }
}
