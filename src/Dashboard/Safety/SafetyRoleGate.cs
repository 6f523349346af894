using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using SmartPark.Dashboard.Auth;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Safety;

/// <summary>
/// What the safety authorities (<see cref="DashboardRoles.Safety"/>) may open, decided in one place and
/// closed by default: a fire officer needs the park's safety alarms, their timelines and the readings
/// behind them (smoke, flame, heat, gas, electrical-fire and fire-water values), and nothing else of a
/// park — not its emissions, energy, plan, enterprises' figures or supervision records. Any endpoint not
/// listed here answers 403 to them, so a page added later stays closed until someone decides otherwise.
/// The endpoints listed still decide on the data (<see cref="Alerts.AlertVisibility"/>, <see cref="SafetyReadings"/>);
/// this list matches the route template routing chose, never the URL text.
/// </summary>
public static class SafetyRoleGate
{
    private static readonly LogThrottle Throttle = new(TimeProvider.System, TimeSpan.FromMinutes(1));

    /// <summary>The route templates open to the safety role.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        // Pages: the safety overview (their landing), the alerts and the history of safety readings.
        SafetyEndpoints.PagePath, "/alerts", "/history",
        // Who am I, sign out, anti-forgery token, the quantity catalogue's titles.
        "/api/me", "/signout", "/api/antiforgery", "/api/quantities",
        // Their alarms (filtered to safety alarms of their parks) and the kinds' titles.
        SafetyEndpoints.AlarmsPath, "/api/alerts", "/api/alerts/recent", "/api/alerts/kinds",
        "/api/parks/{park}/alerts/{alertId}/timeline",
        // Their parks, a park's devices (only their safety readings) and the history of a safety reading.
        "/api/parks", "/api/parks/{park}/devices",
        "/api/parks/{park}/devices/{enterprise}/{device}/history",
        "/api/parks/{park}/devices/{enterprise}/{device}/series",
        // The live channel: alert pushes of the safety groups only (LiveHub refuses them a park's readings).
        "/hubs/live", "/hubs/live/negotiate",
        // Hazard rectification of their parks, to read (RectificationAccess lets them read, never write):
        // the orders, an order and its evidence, the inspections, and their pages.
        "/api/parks/{park}/rectification/orders", "/api/parks/{park}/rectification/orders/{orderId:long}",
        "/api/parks/{park}/rectification/orders/{orderId:long}/evidence/{evidenceId:long}",
        "/api/parks/{park}/rectification/checklists", "/api/parks/{park}/rectification/inspections",
        "/parks/{park}/rectification", "/parks/{park}/rectification/{orderId:long}",
    };

    public static bool IsSafety(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(DashboardRoles.Safety);

    /// <summary>After authorization: a safety user reaching an endpoint not in <see cref="Allowed"/> gets 403;
    /// the park overview (<c>/</c>) sends them to their own overview instead.</summary>
    public static IApplicationBuilder UseSafetyRoleGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.User.IsSafety())
        {
            await next(context);
            return;
        }
        var path = context.Request.Path;
        if (path == "/" || path.Equals("/index.html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(SafetyEndpoints.PagePath);
            return;
        }
        var endpoint = context.GetEndpoint();
        // No endpoint: a static file (scripts, styles, dictionaries; no park data) or a 404.
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || (endpoint is RouteEndpoint route && Allowed.Contains(Template(route.RoutePattern))))
        {
            await next(context);
            return;
        }
        var user = context.User.Identity?.Name ?? "?";
        if (Throttle.ShouldLog($"{user}\n{endpoint.DisplayName}", out var heldBack))
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SafetyRoleGate))
                .LogWarning("Refused the safety user {User} {Method} {Path}: not a page of the safety role; {HeldBack} more like it held back",
                    user, context.Request.Method, path.Value, heldBack);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    });

    /// <summary>The template as written, without a trailing slash (a route group's <c>/</c> page).</summary>
    private static string Template(RoutePattern pattern) =>
        pattern.RawText is { Length: > 1 } raw ? raw.TrimEnd('/') : pattern.RawText ?? "";
}
