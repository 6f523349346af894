using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;

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
        app.MapParkApi().MapGet("/devices", (string park, LiveState state) =>
            Ids.IsValid(park) ? Results.Ok(state.Snapshot(park)) : Results.Problem($"'{park}' is not a park id", statusCode: 400));
        return app;
    }
}
