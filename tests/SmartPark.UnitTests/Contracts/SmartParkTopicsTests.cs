using SmartPark.Contracts.Topics;

namespace SmartPark.UnitTests.Contracts;

public class SmartParkTopicsTests
{
    private static readonly DeviceAddress Device = new("baiyun-shimen", "e01-huaxin", "e01-edge1");

    [Fact]
    public void Builds_the_architecture_topics()
    {
        Assert.Equal("smartpark/v1/baiyun-shimen/e01-huaxin/e01-edge1/telemetry", SmartParkTopics.Telemetry(Device));
        Assert.Equal("smartpark/v1/baiyun-shimen/e01-huaxin/e01-edge1/status", SmartParkTopics.Status(Device));
        Assert.Equal("smartpark/v1/baiyun-shimen/alerts/a-17", SmartParkTopics.Alert("baiyun-shimen", "a-17"));
        Assert.Equal("smartpark/v1/baiyun-shimen/alerts/a-17/ack", SmartParkTopics.AlertAck("baiyun-shimen", "a-17"));
        Assert.Equal("smartpark/v1/deadletter/baiyun-shimen/e01-huaxin/e01-edge1", SmartParkTopics.DeadLetter(Device));
        Assert.Equal("$share/ingest/smartpark/v1/+/+/+/telemetry", SmartParkTopics.SharedTelemetry("ingest"));
        Assert.Equal("smartpark/v1/baiyun-shimen/rules", SmartParkTopics.Rules("baiyun-shimen"));
    }

    [Theory]
    [InlineData("smartpark/v1/p/e/d/telemetry", TopicKind.Telemetry)]
    [InlineData("smartpark/v1/p/e/d/status", TopicKind.Status)]
    [InlineData("smartpark/v1/p/alerts/a1", TopicKind.Alert)]
    [InlineData("smartpark/v1/p/alerts/a1/ack", TopicKind.AlertAck)]
    [InlineData("smartpark/v1/deadletter/p/e/d", TopicKind.DeadLetter)]
    [InlineData("smartpark/v1/p/rules", TopicKind.Rules)]
    public void Parses_what_it_builds(string topic, TopicKind kind)
    {
        Assert.True(SmartParkTopics.TryParse(topic, out var parsed));
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal("p", parsed.Park);
    }

    [Fact]
    public void Round_trips_a_device_address()
    {
        Assert.True(SmartParkTopics.TryParse(SmartParkTopics.Telemetry(Device), out var parsed));
        Assert.Equal(Device, parsed.Device);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("smartpark/v2/p/e/d/telemetry")]
    [InlineData("smartpark/v1/P/e/d/telemetry")]
    [InlineData("smartpark/v1/p/e/d/telemetry/extra")]
    [InlineData("smartpark/v1/p/e/telemetry")]
    [InlineData("smartpark/v1/p/e/-d/telemetry")]
    [InlineData("smartpark/v1/p/e/d/readings")]
    [InlineData("smartpark/v1/p/e/d_1/telemetry")]
    public void Refuses_malformed_topics(string? topic) => Assert.False(SmartParkTopics.TryParse(topic, out _));

    [Theory]
    [InlineData("a")]
    [InlineData("e07-edge-1")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Accepts_valid_ids(string id) => Assert.True(Ids.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("A")]
    [InlineData("a_b")]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("abc\n")]
    [InlineData("é")]
    public void Rejects_invalid_ids(string id) => Assert.False(Ids.IsValid(id));

    [Fact]
    public void Builders_refuse_invalid_ids()
    {
        Assert.Throws<ArgumentException>(() => SmartParkTopics.Telemetry(new DeviceAddress("p", "e", "D#")));
        Assert.Throws<ArgumentException>(() => SmartParkTopics.Alert("p", "a/b"));
    }
}
