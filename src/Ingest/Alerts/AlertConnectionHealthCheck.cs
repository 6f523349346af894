using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Ingest.Alerts;

/// <summary>
/// Readiness of the alert engine's own broker connection, on which it publishes alert documents
/// and hears acknowledgements: with it down, alerts are raised but nobody sees them. Healthy when
/// the engine is switched off (<c>Alerts:Enabled=false</c>), since it then has no connection to keep.
/// </summary>
public sealed class AlertConnectionHealthCheck(AlertEngine engine, IOptions<AlertOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        options.Value.Enabled
            ? new MqttConnectionHealthCheck(() => engine.Connection).CheckHealthAsync(context, cancellationToken)
            : Task.FromResult(HealthCheckResult.Healthy("alert engine disabled"));
}
