using Microsoft.AspNetCore.Authorization;
using SmartPark.Dashboard.Security;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// The one rule for every park-scoped page and API: the signed-in user may see the park that
/// routing bound to the <c>{park}</c> route value (<see cref="ParkAccess.CanSee"/>). It reads the
/// route value, never the path text, so case, percent-encoding and trailing slashes — which routing
/// normalises — cannot slip past it. It runs in the authorization middleware, before any body is
/// bound, so a refused request is refused the same way whatever it carries.
/// The requirement is its own handler (ASP.NET Core's pass-through handler runs it), so attaching
/// it to a route group is all it takes.
/// </summary>
public sealed class ParkAccessRequirement : AuthorizationHandler<ParkAccessRequirement>, IAuthorizationRequirement
{
    public const string RouteParameter = "park";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ParkAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
            return Task.CompletedTask; // fail closed: nothing to read the park from
        // An endpoint put under this requirement without a {park} value is a wiring mistake: refuse.
        if (http.GetRouteValue(RouteParameter) is string park && context.User.CanSee(park))
            context.Succeed(requirement);
        else if (context.User.Identity?.IsAuthenticated == true)
            Refusals.ParkRefused(http, http.GetRouteValue(RouteParameter) as string);
        return Task.CompletedTask;
    }
}

/// <summary>Route groups whose every endpoint is scoped to one park and refused, 403, to a user who may not see it.</summary>
public static class ParkRoutes
{
    /// <summary>Pages: <c>/parks/{park}…</c>.</summary>
    public static RouteGroupBuilder MapParkPages(this IEndpointRouteBuilder app) => app.MapParkGroup("/parks/{park}");

    /// <summary>APIs: <c>/api/parks/{park}…</c>.</summary>
    public static RouteGroupBuilder MapParkApi(this IEndpointRouteBuilder app) => app.MapParkGroup("/api/parks/{park}");

    /// <summary>Any other prefix with a <c>{park}</c> value (the supervision pages and APIs).</summary>
    public static RouteGroupBuilder MapParkGroup(this IEndpointRouteBuilder app, string prefix)
    {
        var group = app.MapGroup(prefix);
        group.RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(new ParkAccessRequirement()));
        return group;
    }
}
