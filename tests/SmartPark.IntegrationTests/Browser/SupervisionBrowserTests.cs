using Microsoft.Playwright;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>A broker and a Dashboard with a seeded SQLite park database (<see cref="SupervisionSeed"/>), shared by the supervision browser tests (they only read).</summary>
public sealed class SupervisionBrowserStack : IAsyncLifetime
{
    private TestParkDatabase _parks = null!;

    public MosquittoServer Broker { get; private set; } = null!;

    public DashboardHost Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _parks = await TestParkDatabase.CreateSqliteAsync();
        await using (var db = await _parks.Factory.CreateDbContextAsync())
            await SupervisionSeed.SeedAsync(db);
        Broker = await MosquittoServer.StartAsync();
        Dashboard = await DashboardHost.StartAsync(Broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", _parks.DashboardArgs);
    }

    public async Task DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Broker.DisposeAsync();
        await _parks.DisposeAsync();
    }
}

/// <summary>
/// The district and city views in real Chromium, in Chinese and English, at desktop and phone
/// width, with every request that is not to the Dashboard refused: the charts are drawn, each
/// located park has its marker on the map without base tiles, and the overdue project is listed.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class SupervisionBrowserTests(BrowserFixture browser, SupervisionBrowserStack stack)
    : IClassFixture<BrowserFixture>, IClassFixture<SupervisionBrowserStack>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();

    private Uri Url => stack.Dashboard.Url;

    /// <summary>A page that may reach only the Dashboard: anything else is aborted and recorded.</summary>
    private async Task<(IPage Page, List<string> Outside)> OfflinePageAsync(string locale, bool phone)
    {
        var page = await browser.NewPageAsync(locale);
        if (phone)
            await page.SetViewportSizeAsync(390, 844);
        var outside = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Authority == Url.Authority)
                await route.ContinueAsync();
            else
            {
                lock (outside)
                    outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return (page, outside);
    }

    private static async Task UseLanguageAsync(IPage page, string lang)
    {
        await page.EvaluateAsync("lang => localStorage.setItem('smartpark.lang', lang)", lang);
        await page.ReloadAsync();
    }

    [Theory]
    [InlineData("zh-CN", false)]
    [InlineData("en", false)]
    [InlineData("zh-CN", true)]
    [InlineData("en", true)]
    public async Task The_district_view_draws_its_charts_and_map_and_lists_the_overdue_project(string lang, bool phone)
    {
        var (page, outside) = await OfflinePageAsync(lang, phone);
        // Signing in without a page to return to lands the district official on their view.
        await page.SignInAsync(Url, TestUser.DistrictOfficial);
        await Expect(page).ToHaveURLAsync(new Uri(Url, "supervision/districts/baiyun").ToString());
        await UseLanguageAsync(page, lang);
        await Expect(page.Locator("#sv-district")).ToHaveAttributeAsync("data-loaded", "1");

        foreach (var chart in new[] { "#sv-chart-area", "#sv-chart-category", "#sv-chart-stage" })
        {
            await Expect(page.Locator(chart)).ToHaveAttributeAsync("data-drawn", "1");
            await Expect(page.Locator(chart + " canvas")).Not.ToHaveCountAsync(0);
        }
        // Two of Baiyun's three parks have coordinates: two markers, one outline, no tiles.
        await Expect(page.Locator("#sv-map path.sv-park-marker")).ToHaveCountAsync(2);
        await Expect(page.Locator("#sv-map path.sv-park-marker.overdue")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sv-map .sv-district-outline")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sv-map .leaflet-tile")).ToHaveCountAsync(0);
        await Expect(page.Locator("#sv-map .sv-legend-note")).ToHaveTextAsync(lang == "en"
            ? "Dashed outlines enclose each district's parks (no boundary data offline); they are not the district boundaries."
            : "虚线为各区园区的外包轮廓（离线无行政边界数据），非行政区界线。");

        var overdue = page.Locator("#sv-overdue tbody tr");
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToContainTextAsync(lang == "en" ? "Shimen upgrade" : SupervisionSeed.OverdueProjectName);
        await Expect(overdue).ToContainTextAsync(lang == "en" ? "Design" : "规划设计");
        await Expect(page.Locator("#sv-parks tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#sv-title")).ToContainTextAsync(lang == "en" ? "Baiyun" : "白云区");
        // The way on to the district's last quarterly report and its sheet import.
        await Expect(page.Locator("#sv-report-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^supervision/districts/baiyun/reports/\d{4}/[1-4]$"));
        await Expect(page.Locator("#sv-report-link")).ToHaveTextAsync(lang == "en" ? "Quarterly report" : "季度报告");
        await Expect(page.Locator("#sv-import-link")).ToHaveAttributeAsync("href", "supervision/import.html?district=baiyun");
        if (phone)
        {
            // Nothing wider than the phone: the page does not scroll sideways.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the district view scrolls sideways on a phone");
        }
        await BrowserFixture.ScreenshotAsync(page, $"supervision-district-{lang}{(phone ? "-phone" : "")}");
        Assert.Empty(outside);
    }

    [Theory]
    [InlineData("zh-CN", false)]
    [InlineData("en", true)]
    public async Task The_city_view_shows_every_district_against_its_target_with_both_districts_parks_on_the_map(string lang, bool phone)
    {
        var (page, outside) = await OfflinePageAsync(lang, phone);
        await page.SignInAsync(Url, TestUser.CityOfficial);
        await Expect(page).ToHaveURLAsync(new Uri(Url, "supervision/cities/guangzhou").ToString());
        await UseLanguageAsync(page, lang);
        await Expect(page.Locator("#sv-city")).ToHaveAttributeAsync("data-loaded", "1");
        await Expect(page.Locator("#sv-chart-area")).ToHaveAttributeAsync("data-drawn", "1");
        await Expect(page.Locator("#sv-chart-category")).ToHaveAttributeAsync("data-drawn", "1");
        // Three located parks in two districts: three markers, an outline for each district.
        await Expect(page.Locator("#sv-map path.sv-park-marker")).ToHaveCountAsync(3);
        await Expect(page.Locator("#sv-map .sv-district-outline")).ToHaveCountAsync(2);
        await Expect(page.Locator(".sv-district-links a")).ToHaveCountAsync(10);
        await Expect(page.Locator("#sv-overdue tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#sv-parks tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, $"supervision-city-{lang}{(phone ? "-phone" : "")}");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task The_park_page_shows_its_project_timeline_with_the_overdue_stage_in_red()
    {
        var (page, outside) = await OfflinePageAsync("zh-CN", false);
        await page.SignInAsync(Url, TestUser.DistrictOfficial, $"supervision/parks/{SupervisionSeed.OverduePark}");
        await Expect(page.Locator("#sv-park")).ToHaveAttributeAsync("data-loaded", "1");
        await Expect(page.Locator("#sv-title")).ToHaveTextAsync("石门工业园");
        var steps = page.Locator(".sv-project .sv-step");
        await Expect(steps).ToHaveCountAsync(5);
        await Expect(page.Locator(".sv-step[data-stage='approval']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bdone\\b"));
        var design = page.Locator(".sv-step[data-stage='design']");
        await Expect(design).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\boverdue\\b"));
        Assert.Equal("rgb(192, 57, 43)", await design.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Expect(page.Locator("#sv-edit")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "supervision-park");
        Assert.Empty(outside);
    }
}
