using Microsoft.Extensions.Options;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Refuses, with 403, a request to <c>/hubs/…</c> whose <c>Origin</c> is neither the Dashboard's
/// own nor in <see cref="WebSecurityOptions.AllowedOrigins"/>. WebSockets are not bound by the
/// same-origin policy and carry the sign-in cookie (SameSite=Lax does not stop a same-site page
/// on another port or sub-domain), so without this a page elsewhere could read a signed-in
/// operator's live data. Browsers always send Origin on WebSocket and POST (negotiate);
/// non-browser clients send none and are left to the cookie.
/// </summary>
public sealed class HubOriginGate(RequestDelegate next, IOptions<WebSecurityOptions> options, SecurityMetrics metrics, TimeProvider time, ILogger<HubOriginGate> logger)
{
    public const string HubsPath = "/hubs";

    private readonly HashSet<string> _allowed = options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly LogThrottle _logThrottle = new(time, TimeSpan.FromMinutes(1));

    public Task InvokeAsync(HttpContext context)
    {
        var origins = context.Request.Headers.Origin;
        if (origins.Count == 0 || !context.Request.Path.StartsWithSegments(HubsPath, StringComparison.OrdinalIgnoreCase))
            return next(context);
        if (origins.Count == 1 && IsAllowed(origins[0]!, context.Request))
            return next(context);
        metrics.HubOriginsRefused.Add(1);
        var origin = origins.ToString();
        if (_logThrottle.ShouldLog(origin, out var heldBack))
            logger.LogWarning("Hub request from foreign origin {Origin} refused ({HeldBack} more since the last report)", origin, heldBack);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("403: foreign origin");
    }

    /// <summary>The request's own origin (scheme and host as the browser addressed us, after forwarded headers) or an allowed one.</summary>
    public bool IsAllowed(string origin, HttpRequest request) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin);
}
