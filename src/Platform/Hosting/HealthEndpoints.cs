using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// The three health paths every service answers, from Kestrel (<see cref="ServiceDefaults"/>) or
/// from the agent's <see cref="HealthListener"/>:
/// <list type="bullet">
/// <item><c>/healthz/live</c>: the process is up and answering; runs no check, so a dependency's
/// outage never gets a healthy process restarted.</item>
/// <item><c>/healthz/ready</c>: every registered check, i.e. each dependency the service needs to do
/// its work (broker connections, InfluxDB, platforms); 503 while one is unhealthy.</item>
/// <item><c>/healthz</c>: the same as <c>/healthz/ready</c>, kept for the probes, units and tests that use it.</item>
/// </list>
/// Every check a service registers is a readiness check; there are no liveness checks by design.
/// </summary>
public static class HealthEndpoints
{
    public const string Health = "/healthz";
    public const string Live = "/healthz/live";
    public const string Ready = "/healthz/ready";

    public static IReadOnlyList<string> Paths { get; } = [Health, Live, Ready];

    /// <summary>Which checks <paramref name="path"/> runs; null for a path that is not a health path.</summary>
    public static Func<HealthCheckRegistration, bool>? ChecksOf(string path) => path switch
    {
        Live => static _ => false,
        Health or Ready => static _ => true,
        _ => null,
    };
}
