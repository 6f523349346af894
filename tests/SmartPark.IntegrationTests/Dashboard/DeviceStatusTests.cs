using System.Net.Http.Json;
using System.Text;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>A device's retained status reaches viewers only when the contract knows it.</summary>
public sealed class DeviceStatusTests : DashboardOnItsOwnBroker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private Task StatusAsync(string device, string json) =>
        MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Status(new DeviceAddress("p-a", "e1", device)), Encoding.UTF8.GetBytes(json), retain: true);

    [Fact]
    public async Task A_status_with_an_unknown_state_or_oversized_text_is_not_stored_or_served()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await StatusAsync("d1", """{"state":"online","device":"d1"}""");
        await Poll.UntilAsync(() => op.Http.GetFromJsonAsync<ParkSnapshot>("api/parks/p-a/devices")!, s => s!.Devices.Any(d => d.Device == "d1"), Timeout, "d1 listed");

        const string payload = "<img src=x onerror=\"window.__pwned=1\">";
        await StatusAsync("d1", $$"""{"state":"{{payload.Replace("\"", "\\\"", StringComparison.Ordinal)}}","device":"d1"}""");
        await StatusAsync("d-html", $$"""{"state":"{{payload.Replace("\"", "\\\"", StringComparison.Ordinal)}}","device":"d-html"}""");
        await StatusAsync("d-reason", $$"""{"state":"offline","device":"d-reason","reason":"{{new string('x', 5000)}}"}""");
        await StatusAsync("d-other", """{"state":"online","device":"someone-else"}""");
        await StatusAsync("d-broken", """{"state":""");
        await StatusAsync("d-big", $$"""{"state":"online","device":"d-big","agentVersion":"1","sensors":[{{string.Join(",", Enumerable.Repeat("""{"sensor":"s","quantities":["nmhc"],"intervalMs":1000}""", 400))}}]}""");
        // The broker delivers in order: once this one is listed, the ones before it were handled.
        await StatusAsync("d-marker", """{"state":"offline","device":"d-marker","reason":"connection lost"}""");
        var snapshot = await Poll.UntilAsync(() => op.Http.GetFromJsonAsync<ParkSnapshot>("api/parks/p-a/devices")!, s => s!.Devices.Any(d => d.Device == "d-marker"), Timeout, "the marker listed");

        Assert.Equal(["d-marker", "d1"], snapshot!.Devices.Select(d => d.Device).Order(StringComparer.Ordinal));
        Assert.Equal("online", snapshot.Devices.Single(d => d.Device == "d1").State);
        Assert.DoesNotContain("<img", await op.Http.GetStringAsync("api/parks/p-a/devices"), StringComparison.Ordinal);
    }
}
