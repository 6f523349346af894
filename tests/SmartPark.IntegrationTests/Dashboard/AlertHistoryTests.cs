using System.Net.Http.Json;
using SmartPark.Dashboard.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.IntegrationTests.Browser;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Recent alerts and an alert's timeline read back from a real InfluxDB's alert_event, as Ingest writes it.</summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Collection(SharedInfluxCollection.Name)]
public sealed class AlertHistoryTests(BrowserFixture browser, SharedInflux influx) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _database = influx.NewDatabase("dash_alerts");
    private MosquittoServer _broker = null!;
    private readonly InfluxDbServer _influx = influx.Server;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        var client = _influx.Client(_database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        // Four transitions of one alert in park p-a (raised, acknowledged, cleared, closed), one in p-b.
        var now = DateTimeOffset.UtcNow;
        var lines = Enumerable.Range(1, 4).Select(i => AlertSamples.Step("a-hist", i))
            .Select(t => t with { At = now.AddMinutes(-40 + 10 * t.Sequence), Alert = t.Alert with { Park = "p-a" } })
            .Append(AlertSamples.Step("b-hist", 1) with { At = now.AddMinutes(-5), Alert = AlertSamples.Document("b-hist") with { Park = "p-b" } })
            .Select(AlertEventLine.From)
            // The alert's quantity around it, for the chart.
            .Concat(Enumerable.Range(0, 30).Select(i =>
                $"nmhc,park=p-a,enterprise=e07,device=by-e07-edge1,sensor=voc-1 value={5 + i % 4},flag=\"N\" {now.AddMinutes(-45 + i).ToUnixTimeMilliseconds()}"));
        await client.WriteAsync(string.Join('\n', lines), CancellationToken.None);
        _dashboard = await DashboardHost.StartAsync(_broker.Port, _influx.Url, _database);
    }

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task The_timeline_lists_every_transition_in_order_with_who_acknowledged()
    {
        using var op = await _dashboard.SignInAsync(TestUser.OperatorA);
        var timeline = (await op.Http.GetFromJsonAsync<List<AlertEventView>>("api/parks/p-a/alerts/a-hist/timeline"))!;
        Assert.Equal(["active", "acknowledged", "cleared", "closed"], timeline.Select(e => e.State));
        Assert.Equal([1L, 2, 3, 4], timeline.Select(e => e.Seq));
        Assert.Equal("zhang.wei", timeline[1].By);
        Assert.Equal(6, timeline[0].Limit);
    }

    [Fact]
    public async Task Recent_transitions_are_limited_to_the_users_parks_and_filters()
    {
        using var op = await _dashboard.SignInAsync(TestUser.OperatorA);
        var mine = await op.Http.GetFromJsonAsync<List<AlertEventView>>("api/alerts/recent?hours=2");
        Assert.Equal(4, mine!.Count);
        Assert.All(mine, e => Assert.Equal("p-a", e.Park));
        var closed = await op.Http.GetFromJsonAsync<List<AlertEventView>>("api/alerts/recent?hours=2&state=closed");
        Assert.Equal("closed", Assert.Single(closed!).State);

        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        Assert.Equal(5, (await admin.Http.GetFromJsonAsync<List<AlertEventView>>("api/alerts/recent?hours=2"))!.Count);
    }

    [Fact]
    public async Task The_bureau_view_lists_exceedances_by_enterprise_and_rule_with_standard_and_limit()
    {
        using var bureau = await _dashboard.SignInAsync(TestUser.BureauA);
        var rows = (await bureau.Http.GetFromJsonAsync<List<Exceedance>>("api/bureau/exceedances?days=2"))!;
        var row = Assert.Single(rows);
        Assert.Equal(("p-a", "e07", "inplant-nmhc-1h", "nmhc"), (row.Park, row.Enterprise, row.RuleId, row.Quantity));
        Assert.Equal((6.0, "DB44/2367-2022, Table 3", 1, 9.1), (row.Limit, row.Source, row.Raised, row.Worst));

        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.BureauA, "bureau");
        await Expect(page.Locator("#exceedances tr[data-rule='inplant-nmhc-1h'] td").Nth(4)).ToHaveTextAsync("DB44/2367-2022, Table 3");
    }

    [Fact]
    public async Task In_the_browser_a_recent_alert_opens_its_timeline_and_a_chart_of_its_values()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorA, "alerts");
        var rows = page.Locator("#recent-alerts tr[data-alert-id='a-hist']");
        await Expect(rows).ToHaveCountAsync(4);
        await rows.First.ClickAsync();
        await Expect(page.Locator("#timeline li")).ToHaveCountAsync(4);
        await Expect(page.Locator("#timeline li").Nth(1)).ToContainTextAsync("zhang.wei");

        // An open alert (its retained document names the quantity) also charts its values with the limit.
        var open = AlertSamples.Document("a-hist") with { Park = "p-a", RaisedAt = DateTimeOffset.UtcNow.AddMinutes(-30), UpdatedAt = DateTimeOffset.UtcNow };
        await MqttPublish.SendAsync(_broker.Port, SmartPark.Contracts.Topics.SmartParkTopics.Alert("p-a", "a-hist"),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(open, SmartPark.Contracts.ContractsJsonContext.Default.AlertDocument), retain: true);
        await page.Locator("#open-alerts tr[data-alert-id='a-hist']").ClickAsync();
        await Expect(page.Locator("#detail-chart .uplot")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-summary")).ToContainTextAsync("30");
    }
}
