using SmartPark.Dashboard.Auth;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Security;

/// <summary>
/// What the Dashboard refuses, counted on /metrics (<see cref="SecurityMetrics"/>, the Dashboard's one
/// security meter) and logged at most once a minute per key, so a script probing parks or a device
/// repeating a bad status cannot flood the log.
/// </summary>
public static class Refusals
{
    private static readonly LogThrottle Throttle = new(TimeProvider.System, TimeSpan.FromMinutes(1));

    public static void ParkRefused(HttpContext http, string? park)
    {
        http.RequestServices.GetRequiredService<SecurityMetrics>().ParksRefused.Add(1);
        var user = http.User.Identity?.Name ?? "?";
        if (Throttle.ShouldLog($"park\n{user}\n{park}", out var heldBack))
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Refusals))
                .LogWarning("Refused {User} access to park {Park} ({Method} {Path}); {HeldBack} more like it held back",
                    user, park, http.Request.Method, http.Request.Path.Value, heldBack);
    }

    public static void StatusRejected(SecurityMetrics metrics, ILogger logger, string topic, string reason)
    {
        metrics.StatusesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (Throttle.ShouldLog($"status\n{topic}\n{reason}", out var heldBack))
            logger.LogWarning("Ignored the status on {Topic}: {Reason}; {HeldBack} more like it held back", topic, reason, heldBack);
    }
}
