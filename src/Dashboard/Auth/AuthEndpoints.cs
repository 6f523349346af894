using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SmartPark.Dashboard.Supervision;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// <c>GET/POST /signin</c>, <c>POST /signout</c> and <c>GET /api/me</c>. The POSTs are forms, so
/// <c>UseAntiforgery</c> checks their token; a cross-site page cannot sign anyone in or out.
/// </summary>
public static class AuthEndpoints
{
    public const string SignInPath = "/signin";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery, UserStore users, string? returnUrl, bool? failed) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Content(SignInPage.Html(tokens.FormFieldName, tokens.RequestToken!, SafeReturnUrl(returnUrl), failed == true, users.Users().Count == 0), "text/html; charset=utf-8");
        }).AllowAnonymous();

        // The guard answers before any password work; a locked name is answered exactly like a
        // wrong password, known or not.
        app.MapPost(SignInPath, async (HttpContext context, UserStore users, SignInGuard guard, [FromForm] string? user, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var back = SafeReturnUrl(returnUrl);
            var failed = $"{SignInPath}?failed=true&returnUrl={Uri.EscapeDataString(back)}";
            var address = context.Connection.RemoteIpAddress;
            var admission = guard.Admit(address, user);
            if (admission.RetryAfter is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Content(SignInPage.TooMany(seconds), "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
            }
            if (!admission.Proceed)
                return Results.Redirect(failed);
            var found = users.Verify(user, password);
            if (found is null)
            {
                guard.Failed(address, user);
                return Results.Redirect(failed);
            }
            guard.Succeeded(found.Name);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SessionCheck.PrincipalOf(found, CookieAuthenticationDefaults.AuthenticationScheme));
            // A district or city official with nowhere particular to go lands on their view.
            if (back == "/" && context.RequestServices.HasParkDatabase() && Supervision.SupervisionEndpoints.Landing(found) is { } landing)
                back = landing;
            return Results.LocalRedirect(back);
        }).AllowAnonymous();

        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            // No form fields are bound here, so UseAntiforgery would not check; check explicitly.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest("missing or invalid anti-forgery token");
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(SignInPath);
        });

        app.MapGet("/api/me", (HttpContext context) => new
        {
            name = context.User.Identity?.Name,
            role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
            parks = context.User.Parks()?.Order(StringComparer.Ordinal).ToList(),
        });
        return app;
    }

    /// <summary>Only a local path: an attacker's link must not bounce a fresh sign-in to their site (<see cref="LocalReturnUrl"/>).</summary>
    public static string SafeReturnUrl(string? returnUrl) => LocalReturnUrl.Sanitize(returnUrl);
}
