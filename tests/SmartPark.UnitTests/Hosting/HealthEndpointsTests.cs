using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPark.Platform.Hosting;

namespace SmartPark.UnitTests.Hosting;

public sealed class HealthEndpointsTests
{
    private static readonly HealthCheckRegistration Own = Registration("broker");
    private static readonly HealthCheckRegistration ReadinessOnly = Registration("influxdb", HealthEndpoints.ReadinessOnly);

    [Fact]
    public void Live_runs_no_check_ready_runs_every_check_and_healthz_all_but_the_readiness_only_ones()
    {
        Assert.False(HealthEndpoints.ChecksOf(HealthEndpoints.Live)!(Own));
        Assert.False(HealthEndpoints.ChecksOf(HealthEndpoints.Live)!(ReadinessOnly));
        Assert.True(HealthEndpoints.ChecksOf(HealthEndpoints.Ready)!(Own));
        Assert.True(HealthEndpoints.ChecksOf(HealthEndpoints.Ready)!(ReadinessOnly));
        Assert.True(HealthEndpoints.ChecksOf(HealthEndpoints.Health)!(Own));
        Assert.False(HealthEndpoints.ChecksOf(HealthEndpoints.Health)!(ReadinessOnly));
        Assert.Null(HealthEndpoints.ChecksOf("/metrics"));
    }

    private static HealthCheckRegistration Registration(string name, params string[] tags) =>
        new(name, _ => throw new InvalidOperationException("not run"), null, tags);
}
