using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>Sign-in, park access and the park pages in a real browser, against the real Dashboard and Mosquitto.</summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class SignInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private MosquittoServer _broker = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _dashboard = await DashboardHost.StartAsync(_broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none");
    }

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_the_right_one_opens_the_park_page()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA.Name, "wrong", "parks/p-a");
        await Expect(page.Locator("#signin-error")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        await page.Locator("#user").FillAsync(TestUser.OperatorA.Name);
        await page.Locator("#password").FillAsync(TestUser.OperatorA.Password);
        await page.Locator("#signin").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(_dashboard.Url, "parks/p-a").ToString());
        await Expect(page.Locator("#me")).ToContainTextAsync("op-a");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    [Fact]
    public async Task An_operator_sees_only_their_parks_and_gets_403_for_another_parks_page_and_api()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "parks/p-a");
        await Expect(page.Locator("#park")).ToHaveValueAsync("p-a");
        var options = await page.Locator("#park option").AllTextContentsAsync();
        Assert.All(options, o => Assert.Contains(o, TestUser.OperatorA.Parks));

        var other = await page.GotoAsync(new Uri(_dashboard.Url, "parks/p-b").ToString());
        Assert.Equal(403, other!.Status);
        var api = await page.APIRequest.GetAsync(new Uri(_dashboard.Url, "api/parks/p-b/devices").ToString());
        Assert.Equal(403, api.Status);
    }

    [Fact]
    public async Task A_reading_published_on_mqtt_shows_on_the_park_page_and_its_overview_tile()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "parks/p-live");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#park")).ToHaveValueAsync("p-live");

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId("pub-browser").Build());
        var batch = TelemetryJson.Batch("d-web", 1, TelemetryJson.Reading("voc-1", "nmhc", 7.25, "mg/m3", DateTimeOffset.UtcNow.AddSeconds(-1)));
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(SmartParkTopics.Telemetry(new DeviceAddress("p-live", "e-web", "d-web")))
            .WithPayload(TelemetryJson.Bytes(batch)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();

        var reading = page.Locator("[data-enterprise='e-web'] tr[data-device='d-web'] .reading[data-quantity='nmhc'] .v");
        await Expect(reading).ToHaveTextAsync("7.25");
        // Its title is the catalogue's, served by /api/quantities (no dictionary entry holds it).
        await Expect(page.Locator("[data-enterprise='e-web'] tr[data-device='d-web'] .reading[data-quantity='nmhc'] .q")).ToHaveTextAsync("非甲烷总烃");
        // The overview tile (coalesced server-side) shows it too, with the enterprise's status.
        var tile = page.Locator(".tile[data-enterprise='e-web']");
        await Expect(tile.Locator(".voc .v")).ToHaveTextAsync("7.25");
        await Expect(tile).ToHaveAttributeAsync("data-status", "normal");
    }

    [Fact]
    public async Task The_enterprise_view_lists_its_devices_and_charts_each_quantity_live()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "parks/p-live/enterprises/e-ent");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#enterprise-title")).ToHaveTextAsync("e-ent");

        var batch = TelemetryJson.Batch("d-ent", 1, TelemetryJson.Reading("meter-1", "power", 42.5, "kW", DateTimeOffset.UtcNow.AddSeconds(-1)));
        await MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Telemetry(new DeviceAddress("p-live", "e-ent", "d-ent")), TelemetryJson.Bytes(batch));

        await Expect(page.Locator("#enterprise-devices tr[data-device='d-ent']")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page.Locator(".quantity-chart[data-key='d-ent/meter-1/power'] .uplot")).ToBeVisibleAsync();
    }
}
