using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPark.Uplink.Storage;

namespace SmartPark.Uplink;

/// <summary>
/// <c>platforms</c> on /healthz: Healthy while every point is connected, Degraded (HTTP 200 still)
/// while one waits for its platform: the bureau's side being down is no reason to restart us.
/// </summary>
public sealed class UplinkHealthCheck(UplinkService service, UplinkStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var points = service.Points;
        var lines = points.Select(p =>
            $"{p.Config.Mn} → {p.Config.Host}:{p.Config.Port}: {(p.Connected ? "connected" : "disconnected" + (p.LastError is { } e ? $" ({e})" : ""))}, {store.PendingCount(p.Config.Mn)} waiting");
        var description = points.Count == 0 ? "no monitoring points" : string.Join("; ", lines);
        return Task.FromResult(points.All(p => p.Connected) ? HealthCheckResult.Healthy(description) : HealthCheckResult.Degraded(description));
    }
}
