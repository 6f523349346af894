using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;

namespace SmartPark.UnitTests.Dashboard;

public sealed class DeviceStatusCheckTests
{
    private static readonly DeviceAddress Device = new("p-a", "e1", "d1");

    private static string? Check(string json) =>
        DeviceStatusCheck.Problem(JsonSerializer.Deserialize(json, ContractsJsonContext.Default.DeviceStatus), Device);

    [Theory]
    [InlineData("""{"state":"online"}""")]
    [InlineData("""{"state":"offline","device":"d1","reason":"connection lost"}""")]
    [InlineData("""{"state":"online","device":"d1","agentVersion":"1.4.0","readingsDropped":3,"sensors":[{"sensor":"voc-1","quantities":["nmhc","tvoc"],"intervalMs":5000,"flag":"D","error":"port /dev/ttyUSB0:\ntimed out"}]}""")]
    public void The_documents_agents_publish_are_accepted(string json) => Assert.Null(Check(json));

    [Theory]
    [InlineData("""{"state":"<img src=x onerror=alert(1)>"}""", "unknown state")]
    [InlineData("""{"state":"Online"}""", "unknown state")]
    [InlineData("""{"state":"online","device":"d2"}""", "device differs from the topic")]
    [InlineData("""{"state":"offline","reason":"a\u0000b"}""", "reason or agent version too long or not plain text")]
    [InlineData("""{"state":"online","readingsDropped":-1}""", "negative readings dropped")]
    [InlineData("""{"state":"online","sensors":[{"sensor":"<b>","quantities":["nmhc"],"intervalMs":1}]}""", "a sensor id is not an id")]
    [InlineData("""{"state":"online","sensors":[{"sensor":"s","quantities":["<b>"],"intervalMs":1}]}""", "a sensor lists unknown quantities")]
    [InlineData("""{"state":"online","sensors":[{"sensor":"s","quantities":["nmhc"],"intervalMs":0}]}""", "a sensor interval is not positive")]
    [InlineData("""{"state":"online","sensors":[{"sensor":"s","quantities":["nmhc"],"intervalMs":1,"flag":"<"}]}""", "a sensor flag is not an HJ 212 flag")]
    public void Anything_else_is_refused_with_its_reason(string json, string reason) => Assert.Equal(reason, Check(json));

    [Fact]
    public void Texts_are_bounded()
    {
        Assert.NotNull(DeviceStatusCheck.Problem(new DeviceStatus { State = DeviceStatus.Offline, Reason = new string('x', DeviceStatusCheck.MaxTextLength + 1) }, Device));
        Assert.Null(DeviceStatusCheck.Problem(new DeviceStatus { State = DeviceStatus.Offline, Reason = new string('x', DeviceStatusCheck.MaxTextLength) }, Device));
        var sensors = Enumerable.Repeat(new SensorDescription("s", ["nmhc"], 1000), DeviceStatusCheck.MaxSensors + 1).ToList();
        Assert.Equal("too many sensors", DeviceStatusCheck.Problem(new DeviceStatus { State = DeviceStatus.Online, Sensors = sensors }, Device));
        Assert.Equal("empty document", DeviceStatusCheck.Problem(null, Device));
    }
}
