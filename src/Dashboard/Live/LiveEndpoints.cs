using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Live;

public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapGet("/api/parks", (LiveState state) => state.Parks());
        app.MapGet("/api/parks/{park}/devices", (string park, LiveState state) =>
            Ids.IsValid(park) ? Results.Ok(state.Snapshot(park)) : Results.Problem($"'{park}' is not a park id", statusCode: 400));
        return app;
    }
}
