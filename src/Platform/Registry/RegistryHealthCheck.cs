using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Platform.Registry;

/// <summary>
/// Readiness of the registry: unhealthy while none is in force (the broker refuses every client),
/// degraded while the last good one is kept because its source cannot be read or its latest
/// change is invalid, healthy otherwise (and when no registry is configured at all).
/// </summary>
public sealed class RegistryHealthCheck(RegistryProvider registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = registry.SourceState;
        var result = state switch
        {
            _ when !registry.IsConfigured => HealthCheckResult.Healthy("no registry configured: anonymous broker"),
            { Loaded: false } => HealthCheckResult.Unhealthy($"no registry in force from {state.Source}: {state.Problem}"),
            { Problem: { } problem } => HealthCheckResult.Degraded($"registry from {state.Source} in force (version {registry.Version}), but {problem}"),
            _ => HealthCheckResult.Healthy($"registry from {state.Source} in force (version {registry.Version})"),
        };
        return Task.FromResult(result);
    }
}
