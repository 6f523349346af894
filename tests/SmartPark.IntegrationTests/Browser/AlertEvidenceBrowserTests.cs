using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>An alert's evidence curves (production and treatment power of a 分表计电 alert) drawn as a
/// chart on the alerts page and the bureau page, on a phone's screen, in Chinese and English.</summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class AlertEvidenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
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

    /// <summary>A treatment-not-running alert as Ingest publishes it: production at 80 kW, the scrubber at 0.2, for the last half hour.</summary>
    private static AlertDocument TreatmentAlert(string id)
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddMinutes(-30).ToUnixTimeMilliseconds() / 60_000 * 60_000;
        IReadOnlyList<EvidencePoint> Curve(double kw) => [.. Enumerable.Range(0, 30).Select(m => new EvidencePoint(start + (m * 60_000L), kw))];
        return AlertSamples.Document(id) with
        {
            RuleId = "treatment-not-running",
            Rule = "Pollution-treatment equipment off while production runs",
            Kind = "treatment-off",
            Severity = AlertSeverities.Warning,
            Park = "p-a",
            Enterprise = "e1",
            Device = null,
            Sensor = null,
            Quantity = null,
            Unit = "kW",
            Limit = 1,
            Averaging = null,
            Value = 0.2,
            Peak = 0.2,
            RaisedAt = now,
            UpdatedAt = now,
            Evidence =
            [
                new EvidenceCurve { Label = "生产设备功率", LabelEn = "Production power", Quantity = "power", Unit = "kW", Sensor = "d1/prod-1", Points = Curve(80) },
                new EvidenceCurve { Label = "治污设备功率", LabelEn = "Treatment equipment power", Quantity = "power", Unit = "kW", Sensor = "d1/treat-1", Points = Curve(0.2) },
            ],
        };
    }

    private Task PublishAsync(AlertDocument alert) =>
        MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Alert(alert.Park, alert.AlertId),
            JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument), retain: true);

    [Fact]
    public async Task The_alerts_page_draws_both_curves_on_a_phone_in_chinese_and_english()
    {
        await PublishAsync(TreatmentAlert("t-evidence"));
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        var row = page.Locator("#open-alerts tr[data-alert-id='t-evidence']");
        await Expect(row).ToContainTextAsync("生产期间污染治理设施未运行"); // the rule's title from the dictionary
        await row.ClickAsync();

        var evidence = page.Locator("#detail-evidence");
        await Expect(evidence).ToBeVisibleAsync();
        await Expect(evidence.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(evidence.Locator("figcaption")).ToHaveTextAsync("证据：生产设备功率 / 治污设备功率");
        await Expect(evidence.Locator(".u-legend")).ToContainTextAsync("生产设备功率 (kW)");
        await Expect(evidence.Locator(".u-legend")).ToContainTextAsync("治污设备功率 (kW)");
        var box = await evidence.Locator(".evidence-plot").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 390, $"the chart is {box.Width} px wide on a 390 px screen");

        await page.Locator("#lang").SelectOptionAsync("en");
        await page.Locator("#open-alerts tr[data-alert-id='t-evidence']").ClickAsync();
        await Expect(page.Locator("#detail-evidence .u-legend")).ToContainTextAsync("Treatment equipment power (kW)");
        await Expect(page.Locator("#detail-evidence figcaption")).ToHaveTextAsync("Evidence: Production power / Treatment equipment power");
    }

    [Fact]
    public async Task An_alert_without_evidence_shows_no_evidence_chart()
    {
        await PublishAsync(AlertSamples.Document("a-plain") with { Park = "p-a", Enterprise = "e1", RaisedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        await page.Locator("#open-alerts tr[data-alert-id='a-plain']").ClickAsync();
        await Expect(page.Locator("#alert-detail")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-evidence")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_bureau_page_lists_open_bureau_alerts_with_their_evidence_chart()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_dashboard.Url, TestUser.BureauA, "bureau");
        await Expect(page.Locator("#b-evidence-empty")).ToBeVisibleAsync();

        await PublishAsync(TreatmentAlert("t-bureau")); // arrives live
        var item = page.Locator("#b-evidence section[data-alert-id='t-bureau']");
        await Expect(item.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(item.Locator("h4")).ToContainTextAsync("生产期间污染治理设施未运行");
        await Expect(item.Locator(".u-legend")).ToContainTextAsync("治污设备功率 (kW)");
        await Expect(page.Locator("#b-evidence-empty")).ToBeHiddenAsync();
    }
}
