using System.Text;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.EdgeAgent.Publishing;

namespace SmartPark.UnitTests.Contracts;

public class DeviceStatusValidatorTests
{
    private static readonly DeviceAddress D1 = new("p1", "e1", "d1");

    private static IReadOnlyList<ValidationError> Validate(string json) => DeviceStatusValidator.Validate(Encoding.UTF8.GetBytes(json), D1);

    [Fact]
    public void What_the_agent_publishes_passes_birth_offline_and_last_will()
    {
        var sensors = new[] { new SensorDescription("voc-1", ["nmhc"], 1000), new SensorDescription("meter-1", ["power", "energy"], 5000, "D", new string('x', DeviceStatusValidator.MaxErrorLength)) };
        Assert.Empty(DeviceStatusValidator.Validate(StatusMessages.Online(D1, sensors, DateTimeOffset.UtcNow, readingsDropped: 3).Payload.FirstSpan, D1));
        Assert.Empty(DeviceStatusValidator.Validate(StatusMessages.Offline(D1, "shutting down", DateTimeOffset.UtcNow).Payload.FirstSpan, D1));
        Assert.Empty(DeviceStatusValidator.Validate(StatusMessages.Will(D1).Payload, D1));
    }

    [Theory]
    [InlineData("""{"state":"<img src=x onerror=alert(1)>","device":"d1"}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"state":"Online","device":"d1"}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"device":"d1"}""", RejectionCodes.MalformedJson)]
    [InlineData("""{"state":"online","device":"d2"}""", RejectionCodes.DeviceMismatch)]
    [InlineData("""{"state":"online"}""", RejectionCodes.DeviceMismatch)]
    [InlineData("""{"state":"online","device":"d1","html":"<b>"}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"voc-1","quantities":["nmhc"],"intervalMs":1000,"note":"x"}]}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"<b>","quantities":["nmhc"],"intervalMs":1000}]}""", RejectionCodes.InvalidId)]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"voc-1","quantities":["gold"],"intervalMs":1000}]}""", RejectionCodes.UnknownQuantity)]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"voc-1","quantities":["nmhc"],"intervalMs":1000,"flag":"Z"}]}""", RejectionCodes.InvalidFlag)]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"voc-1","quantities":["nmhc"],"intervalMs":-1}]}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"state":"online","device":"d1","readingsDropped":-5}""", RejectionCodes.InvalidStatus)]
    [InlineData("""{"state":"online","device":"d1","sensors":[null]}""", RejectionCodes.MissingField)]
    [InlineData("""["online"]""", RejectionCodes.MalformedJson)]
    [InlineData("""{"state":"online","device":"d1",}""", RejectionCodes.MalformedJson)]
    [InlineData("""{"state":1,"device":"d1"}""", RejectionCodes.MalformedJson)]
    [InlineData("null", RejectionCodes.MalformedJson)]
    [InlineData("", RejectionCodes.MalformedJson)]
    [InlineData("online", RejectionCodes.MalformedJson)]
    public void A_body_outside_the_contract_is_refused_with_its_reason(string json, string code) =>
        Assert.Contains(Validate(json), e => e.Code == code);

    [Fact]
    public void Texts_and_lists_are_bounded()
    {
        Assert.Contains(Validate($$"""{"state":"offline","device":"d1","reason":"{{new string('r', DeviceStatusValidator.MaxReasonLength + 1)}}"}"""), e => e.Message.StartsWith("reason is", StringComparison.Ordinal));
        Assert.Empty(Validate($$"""{"state":"offline","device":"d1","reason":"{{new string('r', DeviceStatusValidator.MaxReasonLength)}}"}"""));
        Assert.Contains(Validate($$"""{"state":"online","device":"d1","agentVersion":"{{new string('1', DeviceStatusValidator.MaxAgentVersionLength + 1)}}"}"""), e => e.Code == RejectionCodes.InvalidStatus);
        var error = new string('e', DeviceStatusValidator.MaxErrorLength + 1);
        Assert.Contains(Validate($$"""{"state":"online","device":"d1","sensors":[{"sensor":"voc-1","quantities":["nmhc"],"intervalMs":1,"flag":"D","error":"{{error}}"}]}"""), e => e.Message.StartsWith("sensors[0].error", StringComparison.Ordinal));
        var many = string.Join(",", Enumerable.Range(0, DeviceStatusValidator.MaxSensors + 1).Select(i => $$"""{"sensor":"s{{i}}","quantities":[],"intervalMs":1}"""));
        Assert.Contains(Validate($$"""{"state":"online","device":"d1","sensors":[{{many}}]}"""), e => e.Message.Contains("the limit is", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"state":"<img src=x onerror=alert(1)>","device":"d1"}""")]
    [InlineData("""{"state":"Online","device":"d1"}""")]
    [InlineData("""{"state":"offline","device":"d1","reason":"a\u0000b"}""")]
    [InlineData("""{"state":"offline","device":"d1","reason":"a\u001b[2Jb"}""")]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"<b>","quantities":["nmhc"],"intervalMs":1}]}""")]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"s","quantities":["<b>"],"intervalMs":1}]}""")]
    [InlineData("""{"state":"online","device":"d1","sensors":[{"sensor":"s","quantities":["nmhc"],"intervalMs":1,"flag":"<"}]}""")]
    public void Markup_and_control_characters_are_refused(string json) => Assert.NotEmpty(Validate(json));

    [Fact]
    public void A_sensor_error_may_span_lines()
    {
        Assert.Empty(Validate("""{"state":"online","device":"d1","agentVersion":"1.4.0","readingsDropped":3,"sensors":[{"sensor":"voc-1","quantities":["nmhc","tvoc"],"intervalMs":5000,"flag":"D","error":"port /dev/ttyUSB0:\n\ttimed out"}]}"""));
        Assert.Empty(Validate("""{"state":"offline","device":"d1","reason":"断电 power cut"}"""));
    }

    [Fact]
    public void An_oversize_body_is_refused_before_it_is_parsed()
    {
        var body = new byte[DeviceStatusValidator.MaxPayloadBytes + 1];
        Assert.Equal(RejectionCodes.PayloadTooLarge, Assert.Single(DeviceStatusValidator.Validate(body, D1)).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_followed()
    {
        var deep = "{\"state\":\"online\",\"device\":\"d1\",\"sensors\":" + new string('[', 64) + new string(']', 64) + "}";
        Assert.Contains(Validate(deep), e => e.Code == RejectionCodes.MalformedJson);
    }

    [Fact]
    public void The_contract_fields_are_the_records_fields()
    {
        // A field added to DeviceStatus must also be allowed by the validator: serialise one with every field set.
        var full = new DeviceStatus
        {
            State = DeviceStatus.Online,
            Device = "d1",
            At = DateTimeOffset.UtcNow,
            Reason = "r",
            AgentVersion = "1.0",
            Sensors = [new SensorDescription("voc-1", ["nmhc"], 1000, "D", "broken")],
            ReadingsDropped = 1,
        };
        Assert.Empty(DeviceStatusValidator.Validate(JsonSerializer.SerializeToUtf8Bytes(full, ContractsJsonContext.Default.DeviceStatus), D1));
    }
}
