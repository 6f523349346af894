using Microsoft.AspNetCore.Antiforgery;

namespace SmartPark.Dashboard.Pages;

/// <summary>
/// The alerts page at <c>/alerts</c>; the park page at <c>/parks/{park}</c> (the same single page as <c>/</c>; <c>ParkGate</c> has
/// already refused parks the user may not see) and the anti-forgery token the page's forms use.
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/parks/{park}", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/alerts", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "alerts.html"), "text/html; charset=utf-8"));
        app.MapGet("/parks/{park}/enterprises/{enterprise}", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "enterprise.html"), "text/html; charset=utf-8"));
        app.MapGet("/bureau", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "bureau.html"), "text/html; charset=utf-8"));
        app.MapGet("/history", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "history.html"), "text/html; charset=utf-8"));
        app.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return new { field = tokens.FormFieldName, header = tokens.HeaderName, token = tokens.RequestToken };
        });
        return app;
    }
}
