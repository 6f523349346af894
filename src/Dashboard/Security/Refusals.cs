using System.Diagnostics.Metrics;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Security;

/// <summary>
/// What the Dashboard refuses, counted on /metrics and logged at most once a minute per key, so a
/// script probing parks or a device repeating a bad status cannot flood the log:
/// <c>smartpark.dashboard.park.refused</c> (a user asked for a park they may not see) and
/// <c>smartpark.dashboard.status.rejected</c> (a device's status document the contract does not know).
/// </summary>
public static class Refusals
{
    public const string MeterName = "SmartPark.Dashboard.Refusals";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> ParksRefused = Meter.CreateCounter<long>("smartpark.dashboard.park.refused", description: "Requests refused because the user may not see the park");
    private static readonly Counter<long> StatusesRejected = Meter.CreateCounter<long>("smartpark.dashboard.status.rejected", description: "Device status documents ignored because the contract does not know them");
    private static readonly LogThrottle Throttle = new(TimeProvider.System, TimeSpan.FromMinutes(1));

    public static void ParkRefused(HttpContext http, string? park)
    {
        ParksRefused.Add(1);
        var user = http.User.Identity?.Name ?? "?";
        if (Throttle.ShouldLog($"park\n{user}\n{park}", out var heldBack))
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Refusals))
                .LogWarning("Refused {User} access to park {Park} ({Method} {Path}); {HeldBack} more like it held back",
                    user, park, http.Request.Method, http.Request.Path.Value, heldBack);
    }

    public static void StatusRejected(ILogger logger, string topic, string reason)
    {
        StatusesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (Throttle.ShouldLog($"status\n{topic}\n{reason}", out var heldBack))
            logger.LogWarning("Ignored the status on {Topic}: {Reason}; {HeldBack} more like it held back", topic, reason, heldBack);
    }
}
