using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Answers a refused park (<see cref="ParkAccessRequirement"/>) with 403 and a short plain-text
/// body saying so. Without a body, a browser shows its own network error page for the 403 rather
/// than the answer, and scripts cannot tell a refusal from a broken connection. Every other
/// outcome goes to ASP.NET Core's default handler (challenge, forbid, or on to the endpoint).
/// </summary>
public sealed class ParkRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ParkAccessRequirement>().Any() == true)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync($"403: you may not see park '{context.GetRouteValue(ParkAccessRequirement.RouteParameter)}'");
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

public static class ParkAccessServiceCollectionExtensions
{
    /// <summary>What park route groups need besides the requirement itself: the answer to a refusal.</summary>
    public static IServiceCollection AddParkAccess(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ParkRefusalResultHandler>();
}
