using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Holds every session to the users file as it is now: the cookie on each request (cheap: the
/// store re-reads the file only when it changed), hub connections on each invoke and every
/// <see cref="WebSecurityOptions.HubSessionRecheck"/>. Ended sessions are counted and logged.
/// </summary>
public sealed class SessionEnforcer(UserStore users, SecurityMetrics metrics, TimeProvider time, ILogger<SessionEnforcer> logger)
{
    private readonly LogThrottle _logThrottle = new(time, TimeSpan.FromMinutes(1));

    public SessionVerdict Check(ClaimsPrincipal principal, string where)
    {
        var verdict = SessionCheck.Check(principal, users.Users());
        if (verdict.EndReason is { } reason)
        {
            metrics.SessionsEnded.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("where", where));
            var user = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            if (_logThrottle.ShouldLog(reason + "|" + user, out var heldBack))
                logger.LogWarning("Session of {User} ended ({Reason}) at {Where}: the users file no longer matches it ({HeldBack} more since the last report)", user, reason, where, heldBack);
        }
        return verdict;
    }

    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>: ends or refreshes the session before the request sees it.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
            return;
        var enforcer = context.HttpContext.RequestServices.GetRequiredService<SessionEnforcer>();
        var verdict = enforcer.Check(principal, "request");
        if (verdict.EndReason is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (verdict.Now is { } now)
        {
            context.ReplacePrincipal(SessionCheck.PrincipalOf(now, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
