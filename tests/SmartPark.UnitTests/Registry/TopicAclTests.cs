using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.UnitTests.Registry;

public class TopicAclTests
{
    private static readonly DevicePrincipal D1 = new(new DeviceAddress("p1", "e1", "d1"));
    private static readonly ServicePrincipal Ingest = new("ingest", ServiceRoles.Ingest);
    private static readonly ServicePrincipal Dashboard = new("dashboard", ServiceRoles.Dashboard);

    [Theory]
    [InlineData("smartpark/v1/p1/e1/d1/telemetry", true)]
    [InlineData("smartpark/v1/p1/e1/d1/status", true)]
    [InlineData("smartpark/v1/p1/e1/d2/telemetry", false)]
    [InlineData("smartpark/v1/p1/e2/d1/telemetry", false)]
    [InlineData("smartpark/v1/p2/e1/d1/telemetry", false)]
    [InlineData("smartpark/v1/p1/e1/d1", false)]
    [InlineData("smartpark/v1/p1/e1/d1/commands", false)]
    [InlineData("smartpark/v1/p1/e1/d1/telemetry/x", false)]
    [InlineData("smartpark/v1/p1/alerts/a1", false)]
    [InlineData("smartpark/v1/deadletter/p1/e1/d1", false)]
    [InlineData("smartpark/v1/p1/e1/+/telemetry", false)]
    public void A_device_publishes_only_its_own_telemetry_and_status(string topic, bool allowed) =>
        Assert.Equal(allowed, TopicAcl.MayPublish(D1, topic));

    [Theory]
    [InlineData("smartpark/v1/p1/e1/d1/#")]
    [InlineData("smartpark/v1/p1/e1/d1/telemetry")]
    [InlineData("smartpark/v1/p1/e1/d1/status")]
    [InlineData("smartpark/v1/p1/e1/+/telemetry")]
    [InlineData("smartpark/v1/#")]
    [InlineData("#")]
    public void A_device_subscribes_to_nothing(string filter) =>
        Assert.False(TopicAcl.MaySubscribe(D1, filter));

    [Theory]
    [InlineData("smartpark/v1/+/+/+/telemetry", true)]
    [InlineData("$share/ingest/smartpark/v1/+/+/+/telemetry", true)]
    [InlineData("smartpark/v1/p1/e1/d1/telemetry", true)]
    [InlineData("smartpark/v1/+/+/+/status", true)]
    [InlineData("smartpark/v1/+/alerts/+/ack", true)]
    [InlineData("smartpark/v1/+/alerts/+", false)]
    [InlineData("smartpark/v1/#", false)]
    [InlineData("smartpark/v1/+/+/+/+", false)]
    [InlineData("$share/ingest", false)]
    public void Ingest_reads_telemetry_status_and_acks(string filter, bool allowed) =>
        Assert.Equal(allowed, TopicAcl.MaySubscribe(Ingest, filter));

    [Theory]
    [InlineData("smartpark/v1/deadletter/p1/e1/d1", true)]
    [InlineData("smartpark/v1/deadletter/_/_/_", true)]
    [InlineData("smartpark/v1/p1/alerts/a1", true)]
    [InlineData("smartpark/v1/p1/alerts/a1/ack", false)]
    [InlineData("smartpark/v1/p1/e1/d1/telemetry", false)]
    [InlineData("smartpark/v1/p1/rules", true)]
    public void Ingest_writes_dead_letters_and_alerts(string topic, bool allowed) =>
        Assert.Equal(allowed, TopicAcl.MayPublish(Ingest, topic));

    [Fact]
    public void The_dashboard_reads_everything_and_writes_only_acks()
    {
        Assert.True(TopicAcl.MaySubscribe(Dashboard, "smartpark/v1/#"));
        Assert.True(TopicAcl.MaySubscribe(Dashboard, "smartpark/v1/+/+/+/status"));
        Assert.False(TopicAcl.MaySubscribe(Dashboard, "#"));
        Assert.True(TopicAcl.MayPublish(Dashboard, "smartpark/v1/p1/alerts/a1/ack"));
        Assert.False(TopicAcl.MayPublish(Dashboard, "smartpark/v1/p1/alerts/a1"));
        Assert.False(TopicAcl.MayPublish(Dashboard, "smartpark/v1/p1/e1/d1/telemetry"));
    }

    [Theory]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/+/c", true)]
    [InlineData("a/b/c", "a/+/c", false)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/#", true)]
    [InlineData("a/+", "a/#", false)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("a/b", "a/b/c", false)]
    public void Covers_is_subset_of_matches(string pattern, string filter, bool covers) =>
        Assert.Equal(covers, TopicPatterns.Covers(pattern, filter));
}
