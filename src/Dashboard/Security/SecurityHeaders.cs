namespace SmartPark.Dashboard.Security;

/// <summary>
/// Security headers on every response — pages, APIs, static files, the sign-in page, errors — set
/// before the rest of the pipeline runs so nothing can answer without them.
/// <list type="bullet">
/// <item>The Content-Security-Policy allows only this origin's own scripts, styles and connections:
/// no inline script or style, so markup a device or registry smuggles into a page could not run
/// even if it were ever written as HTML. uPlot and SignalR set element styles through the CSSOM
/// (<c>element.style.x = …</c>), which a CSP does not restrict, so neither needs <c>'unsafe-inline'</c>.
/// <c>connect-src 'self'</c> covers SignalR's WebSocket to the same host and port (CSP Level 3; Chromium, Firefox).</item>
/// <item><c>base-uri 'self'</c> rather than <c>'none'</c>: the pages carry <c>&lt;base href="/"&gt;</c> so one page
/// serves <c>/</c> and <c>/parks/{park}</c>; a base pointing anywhere else is still refused.</item>
/// <item><c>frame-ancestors 'none'</c> (and <c>X-Frame-Options</c> for old browsers): no clickjacking.</item>
/// <item><c>nosniff</c>: a JSON reading or a CSV export is never run as a script or rendered as a page.</item>
/// <item><c>Referrer-Policy: no-referrer</c>: park and device ids in URLs do not leak to other sites.</item>
/// <item>HSTS only when the request itself came over https (directly or via forwarded headers), as
/// <c>UseHsts</c> does: a plain-http demo on loopback must not pin the browser to https. Decided
/// when the response starts, so a forwarded-headers middleware anywhere in the pipeline has had its say.</item>
/// </list>
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IConfiguration configuration)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The policy with the map's tile server (<c>Dashboard:Map:TileUrl</c>, if any) allowed as an image source, and nothing else added.</summary>
    public static string PolicyWithTiles(string? tileOrigin) =>
        tileOrigin is null ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("img-src 'self' data:;", $"img-src 'self' data: {tileOrigin};", StringComparison.Ordinal);

    private readonly string _policy = PolicyWithTiles(Supervision.Map.MapOptions.TileOrigin(configuration[$"{Supervision.Map.MapOptions.Section}:TileUrl"]));

    /// <summary>One year, subdomains not included: the Dashboard may share a domain with other services.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            if (http.Request.IsHttps)
                http.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
