using SmartPark.Contracts.Registry;

namespace SmartPark.UnitTests.Registry;

public class ServiceClientIdsTests
{
    [Theory]
    [InlineData(ServiceRoles.Ingest, "smartpark-ingest", true)] // Ingest's consumer (IngestOptions)
    [InlineData(ServiceRoles.Ingest, "smartpark-ingest-alerts", true)] // Ingest's alert engine
    [InlineData(ServiceRoles.Dashboard, "smartpark-dashboard-host1-4242", true)] // TelemetryListener's default
    [InlineData(ServiceRoles.Dashboard, "smartpark-dashboard-check-1a2b3c4d", true)] // simulate's scenario watcher
    [InlineData(ServiceRoles.Uplink, "smartpark-uplink", true)]
    [InlineData(ServiceRoles.Ingest, "smartpark-dashboard-x", false)]
    [InlineData(ServiceRoles.Dashboard, "smartpark-ingest", false)]
    [InlineData(ServiceRoles.Uplink, "smartpark-ingest", false)]
    [InlineData(ServiceRoles.Ingest, "smartpark-ingest-", false)]
    [InlineData(ServiceRoles.Ingest, "smartpark-ingestx", false)]
    [InlineData(ServiceRoles.Ingest, "ingest", false)]
    [InlineData(ServiceRoles.Dashboard, "dashboard-test", false)]
    [InlineData(ServiceRoles.Ingest, "", false)]
    [InlineData(ServiceRoles.Ingest, null, false)]
    public void A_service_connects_only_with_a_client_id_of_its_role(string role, string? clientId, bool allowed) =>
        Assert.Equal(allowed, ServiceClientIds.Allows(role, clientId));

    [Fact]
    public void No_role_can_use_another_roles_client_ids()
    {
        foreach (var role in ServiceRoles.All)
            foreach (var other in ServiceRoles.All.Where(r => r != role))
            {
                Assert.False(ServiceClientIds.Allows(role, ServiceClientIds.For(other)));
                Assert.False(ServiceClientIds.Allows(role, ServiceClientIds.For(other) + "-1"));
            }
    }

    [Fact]
    public void The_shipped_clients_default_client_ids_are_pinned_to_their_roles()
    {
        Assert.True(ServiceClientIds.Allows(ServiceRoles.Ingest, new SmartPark.Ingest.Consumer.IngestOptions().Broker.ClientId));
        Assert.True(ServiceClientIds.Allows(ServiceRoles.Uplink, new SmartPark.Uplink.UplinkOptions().Broker.ClientId));
    }
}
