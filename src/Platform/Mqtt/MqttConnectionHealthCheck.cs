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
        if (c.IsUp)
            return Task.FromResult(HealthCheckResult.Healthy($"connected since {c.LastChange:O}"));
        // Before the first connect there is no "since" and no error yet: say so rather than print blanks.
        var since = c.LastChange is { } at ? $" since {at:O}" : " (not connected yet)";
        return Task.FromResult(HealthCheckResult.Unhealthy($"disconnected{since}{(c.LastError is { } error ? ": " + error : "")}"));
    }
}
