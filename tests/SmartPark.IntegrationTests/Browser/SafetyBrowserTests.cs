using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>The safety authorities' overview on a phone (390 px), in Chinese and English: they land on it,
/// see their park's open safety alarms newest first, a new alarm arrives live, and neither an emission
/// alert nor another park's alarm ever shows.</summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class SafetyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
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

    private static AlertDocument Fire(string id, string park, int minutesAgo) => AlertSamples.Document(id) with
    {
        Park = park,
        Enterprise = "e1",
        Device = "d1",
        RuleId = "smoke",
        Rule = "Smoke detector alarm",
        Kind = "detector",
        Quantity = "smoke",
        Sensor = "smoke-" + id,
        Unit = "bool",
        Value = 1,
        Limit = null,
        Averaging = null,
        Source = null,
        Bureau = false,
        Safety = true,
        RaisedAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo),
        UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo),
    };

    private Task PublishAsync(AlertDocument alert) =>
        MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Alert(alert.Park, alert.AlertId),
            JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument), retain: true);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_fire_officer_lands_on_the_safety_overview_and_sees_only_its_parks_safety_alarms_on_a_phone(string lang)
    {
        await PublishAsync(Fire("s-old", "p-a", 20));
        await PublishAsync(AlertSamples.Document("s-nmhc") with { Park = "p-a", RaisedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        await PublishAsync(Fire("s-foreign", "p-b", 1));
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_dashboard.Url, TestUser.SafetyA);
        await Expect(page).ToHaveURLAsync(new Uri(_dashboard.Url, "safety").ToString());
        if (lang == "en")
            await page.Locator("#lang").SelectOptionAsync("en");

        var park = page.Locator(".safety-park[data-park='p-a']");
        await Expect(park.Locator(".safety-alarm")).ToHaveCountAsync(1);
        await Expect(park.Locator(".safety-alarm[data-alert-id='s-old'] .what")).ToContainTextAsync(lang == "en" ? "Smoke detector alarm" : "感烟探测器报警");

        // A new alarm arrives live and goes first.
        await PublishAsync(Fire("s-new", "p-a", 0));
        await Expect(park.Locator(".safety-alarm")).ToHaveCountAsync(2);
        await Expect(park.Locator(".safety-alarm").First).ToHaveAttributeAsync("data-alert-id", "s-new");
        await Expect(park.Locator(".safety-count")).ToHaveTextAsync("2");
        await Expect(page.Locator("#s-total")).ToHaveTextAsync(lang == "en" ? "2 open safety alarm(s) in 1 park(s)" : "2 条未关闭的安全报警，涉及 1 个园区");
        await Expect(page.Locator("#s-total")).ToHaveAttributeAsync("data-state", "alarm");

        // Never the emission alert, never the other park.
        await Expect(page.Locator("[data-alert-id='s-nmhc'], [data-alert-id='s-foreign'], .safety-park[data-park='p-b']")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the safety overview scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, $"safety-overview-{lang}-phone");

        // The park overview is not theirs: it sends them back here.
        await page.GotoAsync(_dashboard.Url.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(_dashboard.Url, "safety").ToString());
    }
}
