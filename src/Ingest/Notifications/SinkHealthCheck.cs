using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// One sink on /healthz (the bureau's entry is <c>bureau-webhook</c>): Degraded (still HTTP 200)
/// while messages wait because the receiver fails or the configuration is wrong. Never Unhealthy:
/// a receiver being down is no reason for an orchestrator to restart Ingest, and the outbox keeps
/// everything meanwhile.
/// </summary>
public sealed class SinkHealthCheck(SinkChannel channel) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!channel.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy($"disabled: {channel.Sink.DisabledReason}"));
        var depth = channel.Outbox.Depth;
        var status = channel.Status;
        if (channel.Sink.Options.Problem() is { } problem)
            return Task.FromResult(HealthCheckResult.Degraded($"{problem}; {depth} waiting"));
        if (depth > 0 && !status.LastAttemptSucceeded)
            return Task.FromResult(HealthCheckResult.Degraded($"{depth} waiting; last failure {status.LastError}"));
        return Task.FromResult(HealthCheckResult.Healthy(status.LastDelivery is { } last ? $"{depth} waiting; last delivery {last:O}" : $"{depth} waiting; nothing delivered since start"));
    }
}
