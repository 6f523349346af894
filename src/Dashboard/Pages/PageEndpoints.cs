using Microsoft.AspNetCore.Antiforgery;
using SmartPark.Dashboard.Auth;

namespace SmartPark.Dashboard.Pages;

/// <summary>
/// The alerts page at <c>/alerts</c>; the park page at <c>/parks/{park}</c> (the same single page as <c>/</c>; its route
/// group refuses parks the user may not see, <see cref="ParkRoutes"/>) and the anti-forgery token the page's forms use.
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var inPark = app.MapParkPages();
        inPark.MapGet("/", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/alerts", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "alerts.html"), "text/html; charset=utf-8"));
        inPark.MapGet("/enterprises/{enterprise}", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "enterprise.html"), "text/html; charset=utf-8"));
        app.MapGet("/bureau", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "bureau.html"), "text/html; charset=utf-8"));
        app.MapGet("/history", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "history.html"), "text/html; charset=utf-8"));
        // The sign-in page's stylesheet: a file rather than inline (CSP), and readable before sign-in.
        app.MapGet("/signin.css", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "signin.css"), "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return new { field = tokens.FormFieldName, header = tokens.HeaderName, token = tokens.RequestToken };
        });
        return app;
    }
}
