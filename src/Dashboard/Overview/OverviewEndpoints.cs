using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Overview;

public static class OverviewEndpoints
{
    /// <summary><c>GET /api/parks/{park}/overview</c>: tiles and alert counts (its route group has checked the park).</summary>
    public static IEndpointRouteBuilder MapOverview(this IEndpointRouteBuilder app)
    {
        app.MapParkApi().MapGet("/overview", (string park, OverviewBuilder overview) =>
            Ids.IsValid(park) ? Results.Ok(overview.Build(park)) : Results.Problem($"'{park}' is not a park id", statusCode: 400));
        return app;
    }
}
