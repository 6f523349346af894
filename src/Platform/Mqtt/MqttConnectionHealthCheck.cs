using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Platform.Mqtt;

/// <summary>Healthy while the broker connection is up; the report says since when and why not.</summary>
public sealed class MqttConnectionHealthCheck(Func<ResilientMqttClient?> client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var c = client();
        if (c is null)
            return Task.FromResult(HealthCheckResult.Unhealthy("not started"));
        return Task.FromResult(c.IsUp
            ? HealthCheckResult.Healthy($"connected since {c.LastChange:O}")
            : HealthCheckResult.Unhealthy($"disconnected since {c.LastChange:O}: {c.LastError}"));
    }
}
