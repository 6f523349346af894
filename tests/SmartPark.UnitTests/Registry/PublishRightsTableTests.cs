using MQTTnet.Protocol;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Broker;
using static SmartPark.TestSupport.PublishRights;

namespace SmartPark.UnitTests.Registry;

/// <summary>
/// Every topic the builder makes (each <see cref="TopicKind"/>, for the publisher's own device,
/// another device of its park and a device of another park) × retain or not, against one table
/// per account kind, through the broker's own decision (<see cref="PublishPolicy"/>). A new
/// TopicKind without a row fails here, so nobody has to remember to think about its rights.
/// </summary>
public class PublishRightsTableTests
{
    private static readonly DeviceAddress Own = new("p1", "e1", "d1");
    private static readonly DeviceAddress SamePark = new("p1", "e2", "d2");
    private static readonly DeviceAddress OtherPark = new("p2", "e1", "d3");
    private const string AlertId = PublishRights.AlertId;
    private static IReadOnlyDictionary<TopicKind, (bool Plain, bool Retained)> Device => PublishRights.Device;
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<TopicKind, (bool Plain, bool Retained)>> Services => PublishRights.Services;

    private static byte[] Body(TopicKind kind, DeviceAddress device) => PublishRights.Body(kind, device);

    private static DeviceAddress Target(Whose whose) => PublishRights.Target(whose, Own, SamePark, OtherPark);

    public static TheoryData<TopicKind, Whose, bool> Cases()
    {
        var data = new TheoryData<TopicKind, Whose, bool>();
        foreach (var (kind, whose, retain) in PublishRights.Cases())
            data.Add(kind, whose, retain);
        return data;
    }

    [Fact]
    public void Every_topic_kind_and_every_role_has_a_row()
    {
        Assert.Equal(Enum.GetValues<TopicKind>().Order(), Device.Keys.Order());
        Assert.Equal(ServiceRoles.All.Order(StringComparer.Ordinal), Services.Keys.Order(StringComparer.Ordinal));
        foreach (var (role, table) in Services)
            Assert.True(Enum.GetValues<TopicKind>().Order().SequenceEqual(table.Keys.Order()), $"role {role} lacks a row for a topic kind");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_device_publishes_as_its_table_says(TopicKind kind, Whose whose, bool retain)
    {
        var target = Target(whose);
        var topic = SmartParkTopics.Of(kind, target, AlertId);
        var expected = DeviceMay(kind, whose, retain);

        var refusal = PublishPolicy.Check(new DevicePrincipal(Own), topic, retain, Body(kind, target));

        Assert.True(expected == refusal is null, $"device d1 publishing {topic} (retain {retain}): expected {(expected ? "allowed" : "refused")}, got {refusal?.Reason ?? "allowed"}");
        if (refusal is not null)
            Assert.Equal(MqttPubAckReasonCode.NotAuthorized, refusal.Code);
        // The ACL both brokers use agrees with the broker's decision (Mosquitto cannot see retain).
        Assert.Equal(DeviceMay(kind, whose, retain, aclOnly: true), TopicAcl.MayPublish(new DevicePrincipal(Own), topic));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_service_publishes_as_its_roles_table_says(TopicKind kind, Whose whose, bool retain)
    {
        var topic = SmartParkTopics.Of(kind, Target(whose), AlertId);
        foreach (var role in ServiceRoles.All)
        {
            Assert.True(Services.TryGetValue(role, out var table), $"no table for role {role}");
            Assert.True(table.TryGetValue(kind, out var row), $"no row for role {role}, topic kind {kind}");
            var expected = retain ? row.Retained : row.Plain;
            var refusal = PublishPolicy.Check(new ServicePrincipal("svc", role), topic, retain, "{}"u8);
            Assert.True(expected == refusal is null, $"{role} publishing {topic} (retain {retain}): expected {(expected ? "allowed" : "refused")}, got {refusal?.Reason ?? "allowed"}");
        }
    }

    [Theory]
    [InlineData(SmartParkTopics.AllTelemetry)]
    [InlineData(SmartParkTopics.AllStatus)]
    [InlineData(SmartParkTopics.AllAlerts)]
    [InlineData(SmartParkTopics.AllAlertAcks)]
    [InlineData(SmartParkTopics.AllRules)]
    [InlineData(SmartParkTopics.AllDeadLetters)]
    [InlineData(SmartParkTopics.UnaddressedDeadLetter)]
    [InlineData("smartpark/v1/p1/e1/d1")]
    [InlineData("smartpark/v1/p1/e1/d1/commands")]
    [InlineData("smartpark/v1/p1/e1/d1/status/x")]
    [InlineData("$SYS/broker/uptime")]
    [InlineData("elsewhere")]
    public void The_service_topics_and_anything_outside_the_tree_are_refused_to_a_device(string topic)
    {
        foreach (var retain in new[] { false, true })
            Assert.NotNull(PublishPolicy.Check(new DevicePrincipal(Own), topic, retain, "{}"u8));
    }

    [Fact]
    public void An_account_the_registry_does_not_know_publishes_nothing()
    {
        foreach (var kind in Enum.GetValues<TopicKind>())
            Assert.NotNull(PublishPolicy.Check(null, SmartParkTopics.Of(kind, Own, AlertId), false, Body(kind, Own)));
    }

    [Fact]
    public void A_retained_telemetry_is_refused_as_retain_not_allowed()
    {
        var refusal = PublishPolicy.Check(new DevicePrincipal(Own), SmartParkTopics.Telemetry(Own), retain: true, "{}"u8);
        Assert.Equal(PublishPolicy.RetainNotAllowed, refusal!.Reason);
    }

    [Fact]
    public void A_status_body_outside_the_contract_is_refused_as_payload_format_invalid()
    {
        var refusal = PublishPolicy.Check(new DevicePrincipal(Own), SmartParkTopics.Status(Own), retain: true, """{"state":"<img src=x onerror=alert(1)>","device":"d1"}"""u8);
        Assert.Equal(MqttPubAckReasonCode.PayloadFormatInvalid, refusal!.Code);
        Assert.Equal(PublishPolicy.InvalidStatus, refusal.Reason);
    }
}
