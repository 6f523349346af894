using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartPark.Platform.Influx;

/// <summary>
/// For a service that reads InfluxDB (the Dashboard's history, the Uplink's rollups): ready while
/// InfluxDB answers a ping. Ingest, which writes, has its own check that also reports its writer.
/// </summary>
public sealed class InfluxReadinessCheck(InfluxV1Client influx) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await influx.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("InfluxDB answers");
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"InfluxDB unreachable: {ex.Message}");
        }
    }
}
