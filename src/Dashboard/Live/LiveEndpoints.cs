using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Safety;

namespace SmartPark.Dashboard.Live;

public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        // Only the parks the user may see; the park route group refuses the others' sub-paths.
        app.MapGet("/api/parks", (LiveState state, HttpContext context) =>
        {
            var mine = context.User.Parks();
            return mine is null ? state.Parks() : state.Parks().Union(mine).Where(mine.Contains).Order(StringComparer.Ordinal).ToList();
        });
        app.MapParkApi().MapGet("/devices", (string park, LiveState state, HttpContext context, SafetyReadings safety) =>
            !Ids.IsValid(park) ? Results.Problem($"'{park}' is not a park id", statusCode: 400)
            : Results.Ok(context.User.IsSafety() ? SafetyOnly(state.Snapshot(park), safety) : state.Snapshot(park)));
        return app;
    }

    /// <summary>For the safety authorities: the devices with safety readings, and only those readings.</summary>
    private static ParkSnapshot SafetyOnly(ParkSnapshot snapshot, SafetyReadings safety) => snapshot with
    {
        Devices = [.. snapshot.Devices
            .Select(d => d with { Readings = [.. d.Readings.Where(r => safety.IsSafety(d.Park, r.Quantity, r.Sensor))] })
            .Where(d => d.Readings.Count > 0)],
    };
}
