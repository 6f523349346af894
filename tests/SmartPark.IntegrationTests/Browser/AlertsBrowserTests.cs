using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>The alerts view in a real browser: alerts from MQTT, the critical banner, acknowledging, language.</summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class AlertsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
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

    private static AlertDocument Alert(string id, string park = "p-a", string severity = AlertSeverities.Critical) =>
        AlertSamples.Document(id) with { Park = park, Enterprise = "e1", Device = "d1", Severity = severity, RaisedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };

    private Task PublishAsync(AlertDocument alert) =>
        MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Alert(alert.Park, alert.AlertId),
            JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument), retain: true);

    [Fact]
    public async Task An_alert_published_on_mqtt_appears_live_with_the_critical_banner_and_goes_when_closed()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#open-empty")).ToBeVisibleAsync();

        await PublishAsync(Alert("a-live-1"));
        var row = page.Locator("#open-alerts tr[data-alert-id='a-live-1']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "active");
        await Expect(page.Locator("#critical-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#critical-banner .text")).ToContainTextAsync("In-plant NMHC");

        // Another park's alert never reaches this operator's page.
        await PublishAsync(Alert("a-other", park: "p-b"));
        await PublishAsync(Alert("a-live-2", severity: AlertSeverities.Warning));
        await Expect(page.Locator("#open-alerts tr[data-alert-id='a-live-2']")).ToBeVisibleAsync();
        await Expect(page.Locator("#open-alerts tr[data-alert-id='a-other']")).ToHaveCountAsync(0);

        // Filter by severity, then close the alert (empty retained body): it leaves the list.
        await page.Locator("#f-severity").SelectOptionAsync("warning");
        await Expect(row).ToHaveCountAsync(0);
        await page.Locator("#f-severity").SelectOptionAsync("");
        await Expect(row).ToBeVisibleAsync();
        await MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Alert("p-a", "a-live-1"), [], retain: true);
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Acknowledging_in_the_browser_publishes_the_ack_on_mqtt_with_the_users_name()
    {
        await PublishAsync(Alert("a-ack"));
        await using var acks = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.AllAlertAcks]);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        var row = page.Locator("#open-alerts tr[data-alert-id='a-ack']");
        await row.Locator(".ack-comment").FillAsync("已通知企业停线");
        await row.Locator("button.ack").ClickAsync();
        await Expect(row.Locator("button.ack")).ToHaveAttributeAsync("data-result", "sent");

        var (topic, payload) = await Poll.UntilAsync(() => Task.FromResult(acks.Messages), m => m.Count > 0, Timeout, "the ack on MQTT")
            .ContinueWith(t => t.Result[0], TaskScheduler.Default);
        Assert.Equal(SmartParkTopics.AlertAck("p-a", "a-ack"), topic);
        var ack = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.AlertAck)!;
        Assert.Equal(("op-a", "已通知企业停线"), (ack.By, ack.Comment));
        Assert.NotNull(ack.At);
    }

    [Fact]
    public async Task The_kind_filter_lists_the_kinds_ingest_publishes_with_their_titles_and_filters_by_them()
    {
        // Ingest's list of kinds reaches the Dashboard with a park's rule set; the page has no copy of it.
        var rules = new ParkRules { Park = "p-a", Region = "guangdong", PublishedAt = DateTimeOffset.UtcNow, Rules = [], Kinds = SmartPark.Ingest.Alerts.Rules.RuleKinds.Described };
        await MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Rules("p-a"), JsonSerializer.SerializeToUtf8Bytes(rules, ContractsJsonContext.Default.ParkRules), retain: true);
        using (var op = await _dashboard.SignInAsync(TestUser.OperatorA))
            await Poll.UntilAsync(() => op.Http.GetFromJsonAsync<List<RuleKindInfo>>("api/alerts/kinds")!, k => k!.Count > 0, Timeout, "kinds on the Dashboard");

        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        await Expect(page.Locator("#f-kind option[value='rise']")).ToHaveTextAsync("短时骤升");
        await Expect(page.Locator("#f-kind option[value='window']")).ToHaveTextAsync("时段均值超限");
        await PublishAsync(Alert("a-window")); // a window-kind alert
        var row = page.Locator("#open-alerts tr[data-alert-id='a-window']");
        await Expect(row).ToBeVisibleAsync();
        await page.Locator("#f-kind").SelectOptionAsync("threshold");
        await Expect(row).ToHaveCountAsync(0);
        await page.Locator("#f-kind").SelectOptionAsync("window");
        await Expect(row).ToBeVisibleAsync();

        await page.Locator("#lang").SelectOptionAsync("en");
        await Expect(page.Locator("#f-kind option[value='rise']")).ToHaveTextAsync("sudden rise");
    }

    [Fact]
    public async Task The_page_is_chinese_by_default_and_switches_to_english()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        await Expect(page.Locator("header nav a[href='alerts']")).ToHaveTextAsync("告警");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.Locator("#lang").SelectOptionAsync("en");
        await Expect(page.Locator("header nav a[href='alerts']")).ToHaveTextAsync("Alerts");
        await Expect(page.Locator("#open-alerts th").First).ToHaveTextAsync("Severity");

        // Remembered: a new page in the same browser stays English.
        await page.GotoAsync(new Uri(_dashboard.Url, "parks/p-a").ToString());
        await Expect(page.Locator("header nav a[href='/']")).ToHaveTextAsync("Park");
    }
}
