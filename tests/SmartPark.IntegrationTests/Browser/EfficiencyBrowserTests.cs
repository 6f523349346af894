using Microsoft.Playwright;
using SmartPark.IntegrationTests.Efficiency;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The efficiency pages in real Chromium on a Dashboard reading a real InfluxDB and a seeded SQLite
/// park database (<see cref="EfficiencySeed"/>): the district official's ranking, charts and an
/// enterprise against its industry, in Chinese then English, at phone width too; the operator's
/// park page with only their park's enterprises.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Collection(SharedInfluxCollection.Name)]
public sealed class EfficiencyBrowserTests(BrowserFixture browser, SharedInflux influx) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private MosquittoServer _broker = null!;
    private TestParkDatabase _parks = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _parks = await TestParkDatabase.CreateSqliteAsync();
        await _parks.SeedStandardAsync();
        var database = influx.NewDatabase("efficiency_browser");
        await EfficiencySeed.SeedAsync(_parks, influx.Server.Client(database));
        _dashboard = await DashboardHost.StartAsync(_broker.Port, influx.Server.Url, database, _parks.DashboardArgs);
    }

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _parks.DisposeAsync();
        await _broker.DisposeAsync();
    }

    private static async Task UseLanguageAsync(IPage page, string lang)
    {
        await page.EvaluateAsync("lang => localStorage.setItem('smartpark.lang', lang)", lang);
        await page.ReloadAsync();
    }

    [Fact]
    public async Task The_district_official_sees_the_ranking_the_charts_and_an_enterprise_against_its_industry_in_both_languages_and_on_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_dashboard.Url, TestUser.DistrictOfficial, $"efficiency/districts/baiyun?year={EfficiencySeed.Year}");
        await Expect(page.Locator("#ef-district")).ToHaveAttributeAsync("data-loaded", EfficiencySeed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Eight enterprises; the four graded first, best first.
        var rows = page.Locator("#ef-ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(8);
        await Expect(rows.Nth(0)).ToContainTextAsync("石门甲厂");
        await Expect(rows.Nth(0).Locator(".ef-badge")).ToHaveTextAsync("A");
        await Expect(rows.Nth(3).Locator(".ef-badge")).ToHaveTextAsync("D");
        await Expect(page.Locator("#ef-title")).ToContainTextAsync("亩均效益评价");
        foreach (var chart in new[] { "#ef-chart-grades", "#ef-chart-trend", "#ef-chart-energy" })
        {
            await Expect(page.Locator(chart)).ToHaveAttributeAsync("data-drawn", "1");
            await Expect(page.Locator(chart + " canvas")).Not.ToHaveCountAsync(0);
        }
        await Expect(page.Locator("#ef-land tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ef-breaches tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ef-export")).ToHaveAttributeAsync("href", $"api/efficiency/districts/baiyun/export.xlsx?year={EfficiencySeed.Year}");

        // Sorting by score ascending puts the D first; choosing it shows it against furniture's quartiles.
        var score = page.Locator("#ef-ranking th[data-sort='score']");
        await score.ClickAsync();
        await score.ClickAsync();
        await Expect(score).ToHaveAttributeAsync("data-sorted", "asc");
        await page.Locator("#ef-ranking tbody tr[data-enterprise='p-a/a1']").ClickAsync();
        await Expect(page.Locator("#ef-peer-card")).ToBeVisibleAsync();
        await Expect(page.Locator("#ef-peer-chart")).ToHaveAttributeAsync("data-drawn", "1");
        await Expect(page.Locator("#ef-peer-table tbody tr[data-indicator='tax_per_mu']")).ToContainTextAsync("8");
        await BrowserFixture.ScreenshotAsync(page, "efficiency-district-zh-CN");

        await UseLanguageAsync(page, "en");
        await Expect(page.Locator("#ef-title")).ToContainTextAsync("Efficiency evaluation 2026");
        await Expect(page.Locator("#ef-ranking th[data-sort='rank']")).ToHaveTextAsync("Rank");
        await Expect(page.Locator("#ef-ranking tbody tr[data-enterprise='baiyun-shimen/s3'] .ef-not-graded")).ToHaveTextAsync("New (less than a year in production)");
        await Expect(page.Locator("#ef-chart-grades")).ToHaveAttributeAsync("data-drawn", "1");
        await BrowserFixture.ScreenshotAsync(page, "efficiency-district-en");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("#ef-chart-trend")).ToHaveAttributeAsync("data-drawn", "1");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the efficiency page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "efficiency-district-en-phone");
    }

    [Fact]
    public async Task An_operator_sees_their_parks_enterprises_and_its_trend_and_no_other_park()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_dashboard.Url, TestUser.OperatorDemo, $"efficiency/parks/{EfficiencySeed.OperatorPark}?year={EfficiencySeed.Year}");
        await Expect(page.Locator("#ef-park")).ToHaveAttributeAsync("data-loaded", EfficiencySeed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#ef-ranking tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#ef-ranking tbody tr[data-enterprise='baiyun-shimen/s2'] .ef-badge")).ToHaveTextAsync("B");
        await Expect(page.Locator("#ef-chart-trend")).ToHaveAttributeAsync("data-drawn", "1");
        await Expect(page.Locator("#ef-chart-trend canvas")).Not.ToHaveCountAsync(0);
        Assert.DoesNotContain("白云低效厂", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        // No low-efficiency land nor breaches in this park: the empty tables are not shown.
        await Expect(page.Locator("#ef-land")).ToBeHiddenAsync();
        await Expect(page.Locator("#ef-breaches")).ToBeHiddenAsync();
        await Expect(page.Locator("#ef-no-breaches")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "efficiency-park-phone");

        // The operator's overview links to the page.
        await page.GotoAsync(new Uri(_dashboard.Url, $"parks/{EfficiencySeed.OperatorPark}").ToString());
        await Expect(page.Locator("#efficiency-link")).ToHaveAttributeAsync("href", $"efficiency/parks/{EfficiencySeed.OperatorPark}");
    }
}
