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
/// <item><c>/healthz</c>: what it answered before readiness was split off, kept for the probes,
/// units and tests that wait on it: every check except those tagged <see cref="ReadinessOnly"/>
/// (a reader's InfluxDB, the alert engine's connection), so a Dashboard whose history store is
/// down still counts as started there.</item>
/// </list>
/// Every check a service registers is a readiness check; there are no liveness checks by design.
/// </summary>
public static class HealthEndpoints
{
    public const string Health = "/healthz";
    public const string Live = "/healthz/live";
    public const string Ready = "/healthz/ready";

    /// <summary>Tag of a check that <c>/healthz/ready</c> runs and <c>/healthz</c> does not.</summary>
    public const string ReadinessOnly = "readiness-only";

    public static IReadOnlyList<string> Paths { get; } = [Health, Live, Ready];

    /// <summary>Which checks <paramref name="path"/> runs; null for a path that is not a health path.</summary>
    public static Func<HealthCheckRegistration, bool>? ChecksOf(string path) => path switch
    {
        Live => static _ => false,
        Ready => static _ => true,
        Health => static r => !r.Tags.Contains(ReadinessOnly),
        _ => null,
    };
}
