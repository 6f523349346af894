using System.Text.Json;
using System.Text.Json.Nodes;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;

namespace SmartPark.UnitTests.Ingest;

public sealed class BureauPayloadTests
{
    private sealed class OneEnterprise : IEnterpriseDirectory
    {
        public EnterpriseDetails? Find(string park, string enterprise) =>
            park == "baiyun-shimen" && enterprise == "e07" ? new EnterpriseDetails("Shimen Furniture Coating Co.", "furniture coating", "upgrade") : null;
    }

    private static byte[] Serialize(BureauNotification payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, BureauJsonContext.Default.BureauNotification);

    [Fact]
    public void Idempotency_key_is_alert_and_sequence_and_the_body_is_the_same_every_time()
    {
        var builder = new BureauPayloadBuilder(new NoEnterpriseDirectory());
        var transition = AlertSamples.Step("a1", 2);
        var first = builder.Build(transition);
        var second = new BureauPayloadBuilder(new NoEnterpriseDirectory()).Build(transition);
        Assert.Equal("a1:2", first.IdempotencyKey);
        Assert.Equal(Serialize(first), Serialize(second));
        Assert.Equal("a1:2:reminder-3", builder.Build(transition with { Reminder = true }, reminder: 3).IdempotencyKey);
    }

    [Theory]
    [InlineData(1, "raised")]
    [InlineData(2, "acknowledged")]
    [InlineData(3, "cleared")]
    [InlineData(4, "closed")]
    [InlineData(5, "raised")]
    public void Events_follow_the_transition(long sequence, string expected) =>
        Assert.Equal(expected, new BureauPayloadBuilder(new NoEnterpriseDirectory()).Build(AlertSamples.Step("a1", sequence)).Event);

    [Fact]
    public void Payload_carries_what_an_officer_needs_in_the_documented_shape()
    {
        var payload = new BureauPayloadBuilder(new OneEnterprise()).Build(AlertSamples.Step("a1", 2));
        var json = JsonNode.Parse(Serialize(payload))!.AsObject();
        Assert.Equal("acknowledged", (string?)json["event"]);
        Assert.Equal("a1", (string?)json["alertId"]);
        Assert.Equal(2, (long?)json["sequence"]);
        Assert.Equal("acknowledged", (string?)json["state"]);
        Assert.Equal("active", (string?)json["from"]);
        Assert.Equal("inplant-nmhc-1h", (string?)json["ruleId"]);
        Assert.Equal("In-plant NMHC, 1-hour mean", (string?)json["ruleTitle"]);
        Assert.Equal("critical", (string?)json["severity"]);
        Assert.Equal("baiyun-shimen", (string?)json["park"]);
        Assert.Equal("e07", (string?)json["enterprise"]!["id"]);
        Assert.Equal("Shimen Furniture Coating Co.", (string?)json["enterprise"]!["name"]);
        Assert.Equal("furniture coating", (string?)json["enterprise"]!["industry"]);
        Assert.Equal("upgrade", (string?)json["enterprise"]!["renovationStatus"]);
        Assert.Equal("nmhc", (string?)json["quantity"]);
        Assert.Equal("mg/m3", (string?)json["unit"]);
        Assert.Equal(6, (double?)json["limit"]);
        Assert.Equal("DB44/2367-2022, Table 3", (string?)json["limitSource"]);
        Assert.Equal(7.4, (double?)json["measured"]);
        Assert.Equal(9.1, (double?)json["peak"]);
        Assert.Equal("PT1H", (string?)json["averaging"]);
        Assert.Equal("zhang.wei", (string?)json["acknowledgedBy"]);
        Assert.Equal("Enterprise told to stop the coating line", (string?)json["ackComment"]);
        Assert.Equal(AlertSamples.RaisedAt, json["raisedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(AlertSamples.RaisedAt.AddMinutes(10), json["at"]!.GetValue<DateTimeOffset>());
        Assert.False(json.ContainsKey("reminder"));
        Assert.False(json.ContainsKey("closedAt"));
    }

    [Fact]
    public void Unknown_enterprise_keeps_its_id_and_no_registry_details()
    {
        var json = JsonNode.Parse(Serialize(new BureauPayloadBuilder(new NoEnterpriseDirectory()).Build(AlertSamples.Raised("a1"))))!;
        Assert.Equal("e07", (string?)json["enterprise"]!["id"]);
        Assert.Null(json["enterprise"]!["name"]);
        Assert.Null(json["acknowledgedBy"]);
    }

    [Fact]
    public void Acknowledging_transition_names_the_person_even_when_the_document_lags()
    {
        var transition = AlertSamples.Step("a1", 2) with { Alert = AlertSamples.Document("a1", AlertStates.Acknowledged) };
        var payload = new BureauPayloadBuilder(new NoEnterpriseDirectory()).Build(transition);
        Assert.Equal("zhang.wei", payload.AcknowledgedBy);
        Assert.Equal(transition.At, payload.AcknowledgedAt);
    }
}
