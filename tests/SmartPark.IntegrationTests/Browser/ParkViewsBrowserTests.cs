using System.Globalization;
using Microsoft.Playwright;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The park views against the whole running system, in a real browser: the park plan from the
/// registry, an alert that Ingest raises and two people see change, the limit lines of the rules
/// in force, history from the rollups, and the bureau's view. Each saves a screenshot of its view.
/// Every test uses its own enterprise of the demo park, so they share one stack.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class ParkViewsBrowserTests(BrowserFixture browser, DemoParkStack stack)
    : IClassFixture<BrowserFixture>, IClassFixture<DemoParkStack>, IAsyncLifetime
{
    private const string Park = DemoParkStack.Park;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    private Uri Url => stack.Dashboard.Url;

    private Task PublishNmhcAsync(string enterprise, string device, double value, long seq = 1) =>
        MqttPublish.SendAsync(stack.Broker.Port, SmartParkTopics.Telemetry(new DeviceAddress(Park, enterprise, device)),
            TelemetryJson.Bytes(TelemetryJson.Batch(device, seq, TelemetryJson.Reading("voc-1", "nmhc", value, "mg/m3", DateTimeOffset.UtcNow.AddSeconds(-1)))));

    [Fact]
    public async Task The_park_plan_is_drawn_from_the_registry_and_coloured_by_each_enterprises_state()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Url, "signin").ToString());
        await BrowserFixture.ScreenshotAsync(page, "signin");
        await page.SignInAsync(Url, TestUser.OperatorDemo, $"parks/{Park}");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        // Every enterprise of the registry has its rectangle, the shut-down one marked as such.
        await Expect(page.Locator("#plan g[data-enterprise]")).ToHaveCountAsync(7);
        await Expect(page.Locator("#plan g[data-enterprise='e05-hongyun-coating']")).ToHaveAttributeAsync("data-status", "shut_down");
        var huaxin = page.Locator("#plan g[data-enterprise='e01-huaxin-furniture']");
        await Expect(huaxin.Locator("text")).ToHaveTextAsync("华信家具"); // the Chinese UI, the registry's Chinese name

        // Its device has never reported: offline, until a reading turns the rectangle and tile normal.
        await Expect(huaxin).ToHaveAttributeAsync("data-status", "offline");
        await PublishNmhcAsync("e01-huaxin-furniture", "e01-edge1", 1.2);
        await Expect(huaxin).ToHaveAttributeAsync("data-status", "normal");
        var tile = page.Locator(".tile[data-enterprise='e01-huaxin-furniture']");
        await Expect(tile).ToHaveAttributeAsync("data-status", "normal");
        await Expect(tile).ToContainTextAsync("1.20");
        await BrowserFixture.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task Park_and_enterprise_names_follow_the_language_and_the_sound_button_draws_its_icon()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Url, TestUser.OperatorDemo, $"parks/{Park}");
        var tianfu = page.Locator(".tile[data-enterprise='e06-tianfu-metal'] h3 a");
        await Expect(tianfu).ToHaveTextAsync("天富五金");
        await Expect(page.Locator("#plan g[data-enterprise='e06-tianfu-metal'] text")).ToHaveTextAsync("天富五金");
        await Expect(page.Locator($"#park option[value='{Park}']")).ToHaveTextAsync($"石门村工业园 ({Park})");
        // The bell is an SVG file that loaded (an emoji drew a missing-glyph box where no emoji font is installed).
        var bell = page.Locator("#mute .icon.sound-on");
        await Expect(bell).ToHaveCountAsync(1);
        Assert.Contains("icons/sound-on.svg", await bell.EvaluateAsync<string>("e => getComputedStyle(e).backgroundImage"));
        Assert.True(await bell.EvaluateAsync<bool>("e => e.getBoundingClientRect().width > 0"), "the bell icon takes no room");
        // The file itself is served as an SVG (the CSS would otherwise draw nothing, silently).
        var svg = await page.APIRequest.GetAsync(new Uri(Url, "icons/sound-on.svg").ToString());
        Assert.True(svg.Ok, $"icons/sound-on.svg answered {svg.Status}");
        Assert.StartsWith("image/svg+xml", svg.Headers["content-type"]);
        await Expect(page.Locator("#mute")).ToContainTextAsync("声音开");
        await BrowserFixture.ScreenshotAsync(page, "names-zh");

        await page.Locator("#lang").SelectOptionAsync("en");
        await Expect(tianfu).ToHaveTextAsync("Tianfu Metalwork");
        await Expect(page.Locator("#plan g[data-enterprise='e06-tianfu-metal'] text")).ToHaveTextAsync("Tianfu Metalwork");
        await Expect(page.Locator($"#park option[value='{Park}']")).ToHaveTextAsync($"Shimen Village Industrial Park ({Park})");
        await Expect(page.Locator("#mute")).ToContainTextAsync("Sound on");
        await BrowserFixture.ScreenshotAsync(page, "names-en");

        await page.GotoAsync(new Uri(Url, $"parks/{Park}/enterprises/e06-tianfu-metal").ToString());
        await Expect(page.Locator("#enterprise-title")).ToHaveTextAsync("Tianfu Metalwork (e06-tianfu-metal)");
    }

    [Fact]
    public async Task An_alert_raised_by_Ingest_and_acknowledged_in_one_browser_changes_state_in_a_second()
    {
        var first = await browser.NewPageAsync();
        await first.SignInAsync(Url, TestUser.OperatorDemo, "alerts");
        var second = await browser.NewPageAsync();
        await second.SignInAsync(Url, TestUser.Admin, "alerts");

        // 25 mg/m³ is over the 20 mg/m³ single-reading limit of DB44/2367: Ingest raises the alert.
        await PublishNmhcAsync("e02-meida-printing", "e02-edge1", 25);
        var row = (IPage page) => page.Locator("#open-alerts tr[data-state]", new() { HasText = "e02-meida-printing" }).First;
        await Expect(row(first)).ToHaveAttributeAsync("data-state", "active");
        await Expect(row(second)).ToHaveAttributeAsync("data-state", "active");

        await row(first).Locator(".ack-comment").FillAsync("已电话通知企业");
        await row(first).Locator("button.ack").ClickAsync();

        // The ack goes over MQTT to Ingest, whose new alert state reaches the other browser.
        await Expect(row(second)).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(row(first)).ToHaveAttributeAsync("data-state", "acknowledged");
        await BrowserFixture.ScreenshotAsync(second, "alerts");

        // The bureau officer acknowledges receipt: recorded on the alert for everyone, state unchanged.
        var bureau = await browser.NewPageAsync();
        await bureau.SignInAsync(Url, TestUser.BureauDemo, "alerts");
        await row(bureau).Locator("button.receipt").ClickAsync();
        await Expect(row(first)).ToContainTextAsync("bureau-demo 已确认收悉");
        await Expect(row(first)).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(row(bureau).Locator("button.receipt")).ToHaveCountAsync(0);

        // The bureau's view lists the exceedance, with the standard the limit comes from.
        await bureau.GotoAsync(new Uri(Url, "bureau").ToString());
        var exceedance = bureau.Locator("tr[data-enterprise='e02-meida-printing'][data-rule='nmhc-inplant-instant-gd']");
        await Expect(exceedance).ToContainTextAsync("DB44/2367-2022");
        await BrowserFixture.ScreenshotAsync(bureau, "bureau");
    }

    [Fact]
    public async Task The_enterprise_charts_draw_the_limits_of_the_rules_in_force_before_any_alert()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(Url, TestUser.OperatorDemo, $"parks/{Park}/enterprises/e03-jiali-plastics");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        await PublishNmhcAsync("e03-jiali-plastics", "e03-edge1", 3.1);
        var legend = page.Locator(".quantity-chart[data-key='e03-edge1/voc-1/nmhc'] .u-legend");
        // Both Guangdong in-plant limits, titled in Chinese with the standard they cite.
        await Expect(legend).ToContainTextAsync("厂区内非甲烷总烃 1 小时平均（广东） (DB44/2367-2022) 6");
        await Expect(legend).ToContainTextAsync("厂区内非甲烷总烃 任意一次浓度（广东） (DB44/2367-2022) 20");
        await Expect(legend.Locator(".u-series")).ToHaveCountAsync(4); // time, the readings, two limits
        await BrowserFixture.ScreenshotAsync(page, "enterprise");
    }

    [Fact]
    public async Task History_over_eight_days_reads_the_hourly_rollups_and_draws_them()
    {
        // A week of hourly rollups as Ingest writes them, and one live reading so the device is listed.
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(1, 7 * 24).Select(i =>
        {
            var mean = 2 + Math.Sin(i / 6.0);
            var ts = hour.AddHours(-i).ToUnixTimeMilliseconds();
            return string.Create(CultureInfo.InvariantCulture,
                $"nmhc_1h,device=e04-edge1,enterprise=e04-xinda-electronics,park={Park},sensor=voc-1 count=60i,max={mean + 0.5},mean={mean},min={mean - 0.5} {ts}");
        }).ToList();
        await stack.Influx.Client(DemoParkStack.Database).WriteAsync(lines, CancellationToken.None);
        await PublishNmhcAsync("e04-xinda-electronics", "e04-edge1", 2.2);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(Url, TestUser.OperatorDemo, "history");
        await Expect(page.Locator("#h-device option[value='e04-xinda-electronics/e04-edge1']")).ToHaveCountAsync(1);
        await page.Locator("#h-device").SelectOptionAsync("e04-xinda-electronics/e04-edge1");
        await page.Locator("#h-quantity").SelectOptionAsync("nmhc");
        await page.EvaluateAsync("() => { h$('h-from').value = localInput(new Date(Date.now() - 8 * 86400e3)); h$('h-to').value = localInput(new Date()); }");
        await page.Locator("#h-show").ClickAsync();

        await Expect(page.Locator("#h-summary")).ToHaveTextAsync("168 个数据点（1 小时均值）");
        await Expect(page.Locator("#h-chart .uplot")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "history");
    }
}
