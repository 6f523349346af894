using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// <c>bureau-webhook</c> on /healthz: Degraded (still HTTP 200) while notifications wait because
/// the receiver fails or the configuration is wrong. Never Unhealthy: the bureau being down is
/// no reason for an orchestrator to restart Ingest, and the outbox keeps everything meanwhile.
/// </summary>
public sealed class BureauWebhookHealthCheck(IServiceProvider services, IOptions<BureauWebhookOptions> options, BureauDeliveryService delivery) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("disabled (no Bureau:Webhook:Url)"));
        var depth = services.GetRequiredService<BureauOutbox>().Depth;
        var status = delivery.Status;
        if (options.Value.Problem() is { } problem)
            return Task.FromResult(HealthCheckResult.Degraded($"{problem}; {depth} waiting"));
        if (depth > 0 && !status.LastAttemptSucceeded)
            return Task.FromResult(HealthCheckResult.Degraded($"{depth} waiting; last failure {status.LastError}"));
        return Task.FromResult(HealthCheckResult.Healthy(status.LastDelivery is { } last ? $"{depth} waiting; last delivery {last:O}" : $"{depth} waiting; nothing delivered since start"));
    }
}
