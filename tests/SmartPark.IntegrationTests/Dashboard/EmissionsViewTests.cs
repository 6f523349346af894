using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Emissions;
using SmartPark.IntegrationTests.Browser;
using SmartPark.IntegrationTests.Servers;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>
/// The bureau's emissions view against a real InfluxDB holding Ingest's hourly rollups, the
/// registry from a file and the park's rules retained on a real broker: the latest converted
/// value with the limit in force (the enterprise's permit version), hourly means with a
/// calibration hour flagged C, daily kilograms, another park refused; and the page in Chromium in
/// both languages, on a phone, with markup from the registry and the rules shown as text.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Collection(SharedInfluxCollection.Name)]
public sealed class EmissionsViewTests(BrowserFixture browser, SharedInflux influx) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>Would add an image and set <c>window.__pwned</c> if it were parsed as HTML.</summary>
    private const string Markup = "<img src=x onerror=window.__pwned=1>";

    private readonly string _database = influx.NewDatabase("dash_emissions");
    private readonly InfluxDbServer _influx = influx.Server;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private MosquittoServer _broker = null!;
    private DashboardHost _dashboard = null!;
    private string _dir = null!;

    /// <summary>The start of the hour <paramref name="hoursAgo"/> full hours before the current one.</summary>
    private DateTimeOffset Hour(int hoursAgo) =>
        new DateTimeOffset(_now.Year, _now.Month, _now.Day, _now.Hour, 0, 0, TimeSpan.Zero).AddHours(-hoursAgo);

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("smartpark-emissions-").FullName;
        var credential = MosquittoPasswordHash.Create("pw", iterations: 50);
        var registry = Path.Combine(_dir, "registry.yaml");
        await File.WriteAllTextAsync(registry, $$"""
            parks:
              - id: p-a
                name: 石门园区
                nameEn: Shimen park
                district: baiyun
                areaHectares: 2
                leadingIndustry: boilers
                enterprises:
                  - id: e-boiler
                    name: '锅炉厂{{Markup}}'
                    nameEn: 'Boiler works{{Markup}}'
                    industry: boilers
                    floorArea: 100
                    status: operating
                    devices:
                      - id: cems-1
                        credential: '{{credential}}'
                        sensors:
                          - { id: gas-1, quantities: [nox, o2, flue_gas_flow], emission: { referenceO2: 3.5 } }
                  - id: e-dye
                    name: 印染厂
                    industry: dyeing
                    floorArea: 100
                    status: operating
                    devices:
                      - id: water-1
                        credential: '{{credential}}'
                        sensors:
                          - { id: w-1, quantities: [cod, ph, wastewater_flow] }
                  - id: e-workshop
                    name: 喷涂车间
                    industry: coating
                    floorArea: 100
                    status: operating
                    devices:
                      - id: voc-edge
                        credential: '{{credential}}'
                        sensors:
                          - { id: voc-1, quantities: [nmhc] }
              - id: p-b
                name: 江高园区
                district: baiyun
                areaHectares: 2
                leadingIndustry: boilers
                enterprises:
                  - id: e-other
                    name: 别家锅炉
                    industry: boilers
                    floorArea: 100
                    status: operating
                    devices:
                      - id: cems-b
                        credential: '{{credential}}'
                        sensors:
                          - { id: gas-b, quantities: [nox, o2], emission: { referenceO2: 3.5 } }
            """);

        var client = _influx.Client(_database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        var lines = new List<string>();
        const string boiler = "park=p-a,enterprise=e-boiler,device=cems-1,sensor=gas-1";
        for (var h = 1; h <= 30; h++)
        {
            var calibrating = h == 5;
            // The hour before the current one is the latest: 135 mg/m³ at 3.5 % O₂.
            var mean = h == 1 ? 135.0 : 120.0;
            lines.Add($"nox_converted_1h,{boiler} mean={mean},min={mean - 10},max={mean + 10},count=4i,measured={(calibrating ? 0 : 4)}i,readings=4i {Hour(h).ToUnixTimeMilliseconds()}");
            lines.Add($"nox_rate_1h,{boiler} mean=2.5,min=2.5,max=2.5,count=4i,measured=4i,readings=4i {Hour(h).ToUnixTimeMilliseconds()}");
            for (var m = 0; m < 4; m++)
                lines.Add($"nox_converted,{boiler} value={mean},flag=\"{(calibrating ? "C" : "N")}\" {Hour(h).AddMinutes(m * 15).ToUnixTimeMilliseconds()}");
        }
        lines.Add($"cod_1h,park=p-a,enterprise=e-dye,device=water-1,sensor=w-1 mean=45,min=40,max=50,count=4i,measured=4i,readings=4i {Hour(1).ToUnixTimeMilliseconds()}");
        lines.Add($"nox_converted_1h,park=p-b,enterprise=e-other,device=cems-b,sensor=gas-b mean=999,min=999,max=999,count=4i,measured=4i,readings=4i {Hour(1).ToUnixTimeMilliseconds()}");
        await client.WriteAsync(string.Join('\n', lines), CancellationToken.None);

        _broker = await MosquittoServer.StartAsync();
        var rules = new ParkRules
        {
            Park = "p-a",
            Region = "guangdong",
            PublishedAt = _now,
            Rules =
            [
                Rule("nox-1h", "nox_converted", 200, "GB 13271-2014, Table 2"),
                // The permit's limit: the enterprise's version of the same rule, which wins there.
                Rule("nox-1h", "nox_converted", 150, "排污许可证 " + Markup) with { Enterprise = "e-boiler" },
                Rule("cod-2h", "cod", 90, "GB 8978-1996") with { Averaging = "PT2H" },
            ],
        };
        await MqttPublish.SendAsync(_broker.Port, SmartParkTopics.Rules("p-a"), JsonSerializer.SerializeToUtf8Bytes(rules, ContractsJsonContext.Default.ParkRules), retain: true);
        _dashboard = await DashboardHost.StartAsync(_broker.Port, _influx.Url, _database, $"--Registry:Path={registry}");
    }

    private static RuleLimit Rule(string id, string quantity, double limit, string source) => new()
    {
        RuleId = id,
        Title = id,
        Kind = "average",
        Severity = "critical",
        Bureau = true,
        Quantity = quantity,
        Unit = quantity == "cod" ? "mg/L" : "mg/m3",
        Limit = limit,
        Averaging = "PT1H",
        Source = source,
    };

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The view once the registry and the retained rules have arrived.</summary>
    private static Task<List<EmissionPointView>?> ReadyAsync(SignedInClient user) =>
        Poll.UntilAsync(() => user.Http.GetFromJsonAsync<List<EmissionPointView>>("api/bureau/emissions"),
            points => points!.SelectMany(p => p.Pollutants).Any(q => q.Limit is not null), Timeout, "the emissions view with the registry and the park's rules");

    [Fact]
    public async Task The_officer_sees_the_latest_converted_value_against_the_permit_limit_and_nothing_of_another_park()
    {
        using var bureau = await _dashboard.SignInAsync(TestUser.BureauA);
        var points = (await ReadyAsync(bureau))!;

        // p-a's stack and outlet; not the workshop's VOC sensor (no flow: not a discharge), not p-b.
        Assert.Equal([("e-boiler", "cems-1", "flueGas"), ("e-dye", "water-1", "wastewater")], points.Select(p => (p.Enterprise, p.Device, p.Medium)));
        var nox = Assert.Single(points[0].Pollutants);
        Assert.Equal(("nox_converted", "nox", "nox_rate", "mg/m3"), (nox.Quantity, nox.Measured, nox.Rate, nox.Unit));
        Assert.Equal(135.0, nox.Value);
        Assert.Equal(Hour(1), nox.Hour);
        Assert.False(nox.Flagged);
        Assert.Equal((150.0, true), (nox.Limit!.Value, nox.Limit.Enterprise));
        Assert.Equal(0.9, nox.Ratio!.Value, 6);
        var cod = Assert.Single(points[1].Pollutants, p => p.Quantity == "cod");
        Assert.Equal((45.0, 90.0, 0.5), (cod.Value!.Value, cod.Limit!.Value, cod.Ratio!.Value));
        // pH is judged against a range: a value, no ratio to a single limit.
        Assert.Null(Assert.Single(points[1].Pollutants, p => p.Quantity == "ph").Ratio);

        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.Http.GetAsync("api/bureau/emissions/series?park=p-b&enterprise=e-other&device=cems-b&quantity=nox")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.Http.GetAsync("api/bureau/emissions/series?park=p-a&enterprise=e-workshop&device=voc-edge&quantity=nmhc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.Http.GetAsync("api/bureau/emissions/series?park=p-a&enterprise=e-boiler&device=cems-1&quantity=nox&sensor=" + Uri.EscapeDataString("gas-1' OR '1'='1"))).StatusCode);

        // An admin sees both parks; p-b's stack has no published rules, so no limit.
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        var all = (await admin.Http.GetFromJsonAsync<List<EmissionPointView>>("api/bureau/emissions"))!;
        var other = Assert.Single(Assert.Single(all, p => p.Park == "p-b").Pollutants);
        Assert.Equal(999.0, other.Value);
        Assert.Null(other.Limit);
    }

    [Fact]
    public async Task The_series_has_hourly_means_with_the_calibration_hour_flagged_and_each_days_kilograms()
    {
        using var bureau = await _dashboard.SignInAsync(TestUser.BureauA);
        await ReadyAsync(bureau);
        var week = (await bureau.Http.GetFromJsonAsync<EmissionSeries>("api/bureau/emissions/series?park=p-a&enterprise=e-boiler&device=cems-1&quantity=nox&days=7"))!;

        Assert.Equal(("nox_converted", 150.0), (week.Quantity, week.Limit!.Value));
        Assert.Equal(30, week.Hours.Count);
        Assert.Equal([Hour(5)], week.Hours.Where(h => h.Flag != "N").Select(h => h.Ts));
        Assert.Equal("C", week.Hours.Single(h => h.Ts == Hour(5)).Flag);

        // 2.5 kg/h for each hour with a rate, summed per China Standard Time day, over 7 days.
        var today = DateOnly.FromDateTime(_now.ToOffset(Cst).DateTime);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => today.AddDays(i - 6)), week.Days.Select(d => d.Day));
        foreach (var day in week.Days)
        {
            var hours = Enumerable.Range(1, 30).Count(h => DateOnly.FromDateTime(Hour(h).ToOffset(Cst).DateTime) == day.Day);
            Assert.Equal((hours, 2.5 * hours), (day.Hours, day.Kg));
        }

        var lastDay = (await bureau.Http.GetFromJsonAsync<EmissionSeries>("api/bureau/emissions/series?park=p-a&enterprise=e-boiler&device=cems-1&quantity=nox_converted&days=1"))!;
        Assert.Equal(Enumerable.Range(1, 30).Select(Hour).Where(t => t >= lastDay.From).Order(), lastDay.Hours.Select(h => h.Ts));
        Assert.Equal([today], lastDay.Days.Select(d => d.Day));
    }

    [Fact]
    public async Task The_page_shows_value_limit_gauge_and_chart_in_Chinese_and_English_and_on_a_phone_with_markup_as_text()
    {
        using (var api = await _dashboard.SignInAsync(TestUser.BureauA))
            await ReadyAsync(api);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.BureauA, "bureau");

        var nox = page.Locator(".em-point[data-enterprise='e-boiler'] .em-pollutant[data-quantity='nox_converted']");
        await Expect(nox.Locator(".em-q")).ToHaveTextAsync("氮氧化物(折算)");
        await Expect(nox.Locator(".em-v")).ToHaveTextAsync("135 mg/m3");
        await Expect(nox.Locator(".em-limit")).ToContainTextAsync("限值 150 mg/m3");
        await Expect(nox.Locator(".em-pct")).ToHaveTextAsync("为限值的 90%");
        await Expect(nox.Locator(".em-gauge")).ToHaveAttributeAsync("data-level", "near");
        // Markup in the registry's name and the permit's source is text, and ran nothing.
        await Expect(page.Locator(".em-point[data-enterprise='e-boiler'] h3")).ToHaveTextAsync("锅炉厂" + Markup);
        await Expect(nox.Locator(".em-limit")).ToContainTextAsync(Markup);

        await nox.ClickAsync();
        await Expect(page.Locator("#em-chart .uplot canvas")).ToBeVisibleAsync();
        await page.Locator(".em-range button[data-days='7']").ClickAsync();
        await Expect(page.Locator("#em-flags li[data-flag='C']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#em-flags li")).ToContainTextAsync("校准");
        await Expect(page.Locator("#em-days tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator("#em-days-chart .uplot")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"), "markup from the registry or the rules ran");

        await page.EvaluateAsync("() => localStorage.setItem('smartpark.lang', 'en')");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(nox.Locator(".em-q")).ToHaveTextAsync("NOx at reference O₂");
        await Expect(nox.Locator(".em-pct")).ToHaveTextAsync("90% of the limit");
        await Expect(page.Locator(".em-point[data-enterprise='e-dye'] .em-where")).ToContainTextAsync("wastewater");
        await nox.ClickAsync();
        await Expect(page.Locator("#em-chart .uplot canvas")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the bureau page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "bureau-emissions-en-phone");
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"), "markup from the registry or the rules ran");
    }
}
