using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace SmartPark.Dashboard.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Cookie sign-in, and a fallback policy so every endpoint (pages, APIs, the hub, static files)
    /// needs a signed-in user unless it says <c>AllowAnonymous</c>. APIs and the hub answer 401/403
    /// rather than redirecting, so scripts see the real status. Sessions are held to the users
    /// file (<see cref="SessionEnforcer"/>); sign-ins pass <see cref="SignInGuard"/> first.
    /// </summary>
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<DashboardUser>, PasswordHasher<DashboardUser>>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SecurityMetrics>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<SessionEnforcer>();
        services.AddSingleton<HubSessions>();
        services.Configure<HubOptions>(o => o.AddFilter<HubSessions>());
        services.AddHostedService<HubSessionSweeper>();
        services.AddDashboardWebSecurity();
        services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = AuthEndpoints.SignInPath;
                o.Cookie.Name = "smartpark.auth";
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: a link to a park page in an e-mail must open signed in. Cross-site
                // POSTs still carry no cookie, and the forms check anti-forgery tokens as well.
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the browser came over https, directly or through a trusted TLS proxy.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionEnforcer.ValidateCookieAsync;
                o.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
