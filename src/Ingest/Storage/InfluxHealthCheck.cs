using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Storage;

/// <summary>Unhealthy when InfluxDB does not answer a ping or the last write failed.</summary>
public sealed class InfluxHealthCheck(InfluxV1Client influx, InfluxBatchWriter writer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await influx.PingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"InfluxDB unreachable: {ex.Message}");
        }
        if (writer.LastError is { } error)
            return HealthCheckResult.Degraded($"last write failed: {error}; {writer.Pending} messages waiting");
        return HealthCheckResult.Healthy($"last write {writer.LastSuccess:O}; {writer.Pending} messages waiting");
    }
}
