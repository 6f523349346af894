using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// Markup in everything a device, the registry, Ingest's documents or a person supplies is shown
/// as text on every view and runs nothing; and the Content-Security-Policy breaks none of the views.
/// Each field carries its own payload, <c>&lt;img src=x onerror=…&gt;</c> tagged with the field's name,
/// so a failure says which field was written as HTML.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class InjectionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Park = "p-xss";
    private const string Enterprise = "e-xss";
    private const string Device = "d-xss";
    private const string Database = "xss";

    private MosquittoServer _broker = null!;
    private InfluxDbServer _influx = null!;
    private DashboardHost _dashboard = null!;
    private string _dir = null!;

    /// <summary>A payload that, parsed as HTML, would add an image and set <c>window.__pwned</c>.</summary>
    private static string Payload(string field) => $"<img src=x onerror=window.__pwned='{field}'>{field}";

    private static readonly TestUser Viewer = new("xss-viewer", DashboardRoles.Admin);

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("smartpark-xss-").FullName;
        var registry = Path.Combine(_dir, "registry.yaml");
        await File.WriteAllTextAsync(registry, $$"""
            parks:
              - id: {{Park}}
                name: {{Yaml(Payload("park-name"))}}
                district: {{Yaml(Payload("park-district"))}}
                areaHectares: 2
                leadingIndustry: {{Yaml(Payload("park-industry"))}}
                enterprises:
                  - id: {{Enterprise}}
                    name: {{Yaml(Payload("enterprise-name"))}}
                    industry: {{Yaml(Payload("enterprise-industry"))}}
                    floorArea: 100
                    status: operating
                    plan: { x: 10, y: 10, width: 120, height: 80 }
                    devices:
                      - id: {{Device}}
                        credential: '{{MosquittoPasswordHash.Create("pw", iterations: 50)}}'
                        sensors:
                          - { id: voc-1, quantities: [nmhc] }
            """);
        // The signed-in person's display name comes from the users file: shown in every page's header.
        var users = Path.Combine(_dir, "users.json");
        await File.WriteAllTextAsync(users, JsonSerializer.Serialize(new UsersFile
        {
            Users = [new DashboardUser { Name = Viewer.Name, Role = Viewer.Role, PasswordHash = UserStore.Hash(Viewer.Password), DisplayName = Payload("display-name") }],
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        _broker = await MosquittoServer.StartAsync();
        _influx = await InfluxDbServer.StartAsync();
        await _influx.Client(Database).EnsureDatabaseAsync(CancellationToken.None);
        _dashboard = await DashboardHost.StartAsync(_broker.Port, _influx.Url, Database, $"--Registry:Path={registry}", $"--Dashboard:UsersPath={users}");
    }

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _influx.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Yaml(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string LineString(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private Task PublishAsync(string topic, byte[] payload, bool retain = true) => MqttPublish.SendAsync(_broker.Port, topic, payload, retain);

    private Task PublishReadingAsync(long seq) =>
        PublishAsync(SmartParkTopics.Telemetry(new DeviceAddress(Park, Enterprise, Device)),
            TelemetryJson.Bytes(TelemetryJson.Batch(Device, seq, TelemetryJson.Reading("voc-1", "nmhc", 3.2, "mg/m3", DateTimeOffset.UtcNow.AddSeconds(-1)))), retain: false);

    /// <summary>What a device, Ingest and past alert events supply, every text field carrying markup.</summary>
    private async Task SupplyEverythingAsync()
    {
        var address = new DeviceAddress(Park, Enterprise, Device);
        // The device: a status whose state is markup (the Dashboard refuses it), then real readings.
        await PublishAsync(SmartParkTopics.Status(address), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { state = Payload("status-state"), device = Device })));
        await PublishAsync(SmartParkTopics.Status(address), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { state = "offline", device = Device, reason = Payload("status-reason") })));
        await PublishReadingAsync(1);

        // Ingest's documents: the rules in force and two open alerts (one critical and unacknowledged: the banner).
        var rules = new ParkRules
        {
            Park = Park,
            Region = "guangdong",
            PublishedAt = DateTimeOffset.UtcNow,
            Rules = [new RuleLimit { RuleId = "xss-rule", Title = Payload("rule-title"), Kind = "threshold", Severity = "warning", Enterprise = Enterprise, Quantity = "nmhc", Unit = "mg/m3", Limit = 6, Source = Payload("rule-source") }],
            Kinds = [new RuleKindInfo { Name = Payload("kind-name"), Titles = new Dictionary<string, string> { ["zh-CN"] = Payload("kind-title"), ["en"] = Payload("kind-title") } }],
        };
        await PublishAsync(SmartParkTopics.Rules(Park), JsonSerializer.SerializeToUtf8Bytes(rules, ContractsJsonContext.Default.ParkRules));
        var now = DateTimeOffset.UtcNow;
        var active = AlertSamples.Document("a-active") with
        {
            Park = Park,
            Enterprise = Enterprise,
            Device = Device,
            RuleId = "xss-active",
            Rule = Payload("alert-rule"),
            Unit = Payload("alert-unit"),
            Source = Payload("alert-source"),
            Message = Payload("alert-message"),
            RaisedAt = now.AddMinutes(-5),
            UpdatedAt = now.AddMinutes(-5),
        };
        var acknowledged = AlertSamples.Document("a-acked", AlertStates.Acknowledged) with
        {
            Park = Park,
            Enterprise = Enterprise,
            Device = Device,
            RuleId = "xss-acked",
            Rule = Payload("acked-rule"),
            Severity = AlertSeverities.Warning,
            AcknowledgedBy = Payload("acknowledged-by"),
            AckComment = Payload("ack-comment"),
            AcknowledgedAt = now.AddMinutes(-1),
            BureauReceivedBy = Payload("bureau-received-by"),
            BureauReceivedAt = now.AddMinutes(-1),
            RaisedAt = now.AddMinutes(-4),
            UpdatedAt = now.AddMinutes(-1),
        };
        foreach (var alert in new[] { active, acknowledged })
            await PublishAsync(SmartParkTopics.Alert(Park, alert.AlertId), JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument));

        // Past transitions as Ingest stores them: people's names and comments are free text.
        string Event(string state, DateTimeOffset at, string by, string comment) => string.Create(CultureInfo.InvariantCulture,
            $"alert_event,park={Park},enterprise={Enterprise},device={Device},sensor=voc-1,rule=xss-event,kind=threshold,severity=critical,state={state} " +
            $"alert_id=\"a-event\",seq=1i,occurrences=1i,bureau=true,by={LineString(by)},comment={LineString(comment)},quantity=\"nmhc\",unit={LineString(Payload("event-unit"))},source={LineString(Payload("event-source"))},value=7.5,limit=6 {at.ToUnixTimeMilliseconds()}");
        await _influx.Client(Database).WriteAsync(
            [Event("active", now.AddMinutes(-10), Payload("event-by-raised"), Payload("event-comment-raised")), Event("acknowledged", now.AddMinutes(-9), Payload("event-by"), Payload("event-comment"))],
            CancellationToken.None);
    }

    [Fact]
    public async Task Markup_in_every_supplied_field_shows_as_text_on_every_view_and_runs_nothing()
    {
        await SupplyEverythingAsync();
        var page = await browser.NewPageAsync("en");
        var cspReports = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (cspReports)
                    cspReports.Add(m.Text);
        };
        // Injected by the browser itself (not subject to the CSP): records violations and any markup that ran.
        await page.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        await page.SignInAsync(_dashboard.Url, Viewer, $"parks/{Park}");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#me")).ToContainTextAsync(Payload("display-name"));
        // Overview: the tile, the plan's label and tooltip, the device table, the critical banner.
        var tile = page.Locator($".tile[data-enterprise='{Enterprise}']");
        await Expect(tile.Locator("h3 a")).ToHaveTextAsync(Payload("enterprise-name"));
        await Expect(page.Locator($"#plan g[data-enterprise='{Enterprise}'] text")).ToHaveTextAsync(Payload("enterprise-name"));
        await Expect(page.Locator($"#plan g[data-enterprise='{Enterprise}'] title")).ToContainTextAsync(Payload("enterprise-name"));
        await Expect(page.Locator($"#enterprises tr[data-device='{Device}']")).ToContainTextAsync("mg/m3");
        await Expect(page.Locator("#critical-banner .text")).ToContainTextAsync(Payload("alert-rule"));
        await Expect(page.Locator("#critical-banner .text")).ToContainTextAsync(Payload("alert-unit"));
        await AssertNothingRanAsync(page, "the park page");

        await page.GotoAsync(new Uri(_dashboard.Url, $"parks/{Park}/enterprises/{Enterprise}").ToString());
        await Expect(page.Locator("#enterprise-title")).ToContainTextAsync(Payload("enterprise-name"));
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await PublishReadingAsync(2); // a live point, so the chart (and its legend of limits) is drawn
        var legend = page.Locator($".quantity-chart[data-key='{Device}/voc-1/nmhc'] .u-legend");
        await Expect(legend).ToContainTextAsync(Payload("rule-title"));
        await AssertNothingRanAsync(page, "the enterprise page");

        await page.GotoAsync(new Uri(_dashboard.Url, "alerts").ToString());
        var activeRow = page.Locator("#open-alerts tr[data-alert-id='a-active']");
        await Expect(activeRow).ToContainTextAsync(Payload("alert-rule"));
        await Expect(activeRow).ToContainTextAsync(Payload("alert-unit"));
        var ackedRow = page.Locator("#open-alerts tr[data-alert-id='a-acked']");
        await Expect(ackedRow).ToContainTextAsync(Payload("acked-rule"));
        await Expect(ackedRow).ToContainTextAsync(Payload("acknowledged-by"));
        await Expect(ackedRow).ToContainTextAsync(Payload("bureau-received-by"));
        var recent = page.Locator("#recent-alerts tr[data-alert-id='a-event']");
        await Expect(recent).ToHaveCountAsync(2);
        await Expect(recent.First).ToContainTextAsync(Payload("event-by"));
        await recent.First.ClickAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync(Payload("event-comment"));
        await Expect(page.Locator("#timeline")).ToContainTextAsync(Payload("event-by-raised"));
        await Expect(page.Locator("#f-kind")).ToContainTextAsync(Payload("kind-title"));
        await AssertNothingRanAsync(page, "the alerts page");

        await page.GotoAsync(new Uri(_dashboard.Url, "bureau").ToString());
        var exceedance = page.Locator($"#exceedances tr[data-enterprise='{Enterprise}'][data-rule='xss-event']");
        await Expect(exceedance).ToContainTextAsync(Payload("event-source"));
        await Expect(exceedance).ToContainTextAsync(Payload("event-unit"));
        await AssertNothingRanAsync(page, "the bureau page");

        await page.GotoAsync(new Uri(_dashboard.Url, "history").ToString());
        await page.Locator("#h-park").SelectOptionAsync(Park);
        await Expect(page.Locator($"#h-device option[value='{Enterprise}/{Device}']")).ToHaveCountAsync(1);
        await page.Locator("#h-show").ClickAsync();
        await Expect(page.Locator("#h-summary")).Not.ToBeEmptyAsync();
        await AssertNothingRanAsync(page, "the history page");

        // The status whose state was markup never reached the page: the device shows a state the contract knows.
        await page.GotoAsync(new Uri(_dashboard.Url, $"parks/{Park}").ToString());
        await Expect(page.Locator($"#enterprises tr[data-device='{Device}'] td").Nth(1)).ToHaveClassAsync("state-online");
        await AssertNothingRanAsync(page, "the park page again");
        lock (cspReports)
            Assert.True(cspReports.Count == 0, "CSP reports in the console:\n" + string.Join("\n", cspReports));
    }

    /// <summary>No payload ran, none was parsed into an element, and the CSP refused nothing (so it breaks nothing either).</summary>
    private static async Task AssertNothingRanAsync(IPage page, string view)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), $"{view}: a payload ran ({await page.EvaluateAsync<string>("() => String(window.__pwned)")})");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, script:not([src])').length"));
        var violations = await page.EvaluateAsync<string[]>("() => window.__csp");
        Assert.True(violations.Length == 0, $"{view}: CSP violations: {string.Join("; ", violations)}");
    }
}
