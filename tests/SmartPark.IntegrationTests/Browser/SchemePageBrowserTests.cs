using SmartPark.Dashboard.Efficiency.Schemes;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The district's evaluation scheme page in a real Chromium on a phone's viewport, against the real
/// Dashboard and a real SQLite park database: the district official sees the default, changes the
/// grade shares and saves them from a year on (what the evaluation then resolves), is shown the
/// server's reason for a scheme it refuses; the city official sees the scheme read-only.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class SchemePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SupervisionStack _stack = null!;

    public async Task InitializeAsync() => _stack = await SupervisionStack.StartAsync(ParkDatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task A_district_official_changes_the_grade_shares_on_a_phone_and_is_told_why_a_scheme_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "efficiency/districts/baiyun/scheme?year=2025");
        await Expect(page.Locator("#scheme-source")).ToContainTextAsync("系统默认方案");
        await Expect(page.Locator("#indicators tbody tr")).ToHaveCountAsync(11);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the scheme page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "efficiency-scheme-phone");

        // Jinwan's shares: A 10%, B 40%, C 40%, D 10%.
        var shares = page.Locator("#grades tbody tr input[type=number]");
        foreach (var (index, share) in new[] { (0, "10"), (1, "40"), (2, "40"), (3, "10") })
            await shares.Nth(index).FillAsync(share);
        await page.Locator("#from-year").FillAsync("2025");
        await page.Locator("#scheme-save").ClickAsync();
        await Expect(page.Locator("#scheme-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator("#scheme-source")).ToContainTextAsync("自 2025 年起");
        await using (var db = await _stack.Database.Factory.CreateDbContextAsync())
        {
            var scheme = await EfficiencySchemeStore.ResolveAsync(db, "baiyun", 2025);
            Assert.Equal([10.0, 40, 40, 10], scheme.Grading.Grades.Select(g => g.SharePercent!.Value));
        }

        // A weight that makes the sum 154: the server's reason is shown, nothing is stored.
        await page.Locator("#indicators tbody tr").First.Locator("td:nth-child(3) input").FillAsync("99");
        await page.Locator("#scheme-save").ClickAsync();
        await Expect(page.Locator("#scheme-status")).ToHaveAttributeAsync("data-state", "failed");
        await Expect(page.Locator("#scheme-errors li").First).ToContainTextAsync("weights must sum to 100");
    }

    [Fact]
    public async Task The_city_official_sees_the_scheme_read_only()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.CityGuangzhou, "efficiency/districts/baiyun/scheme");
        await Expect(page.Locator("#read-only")).ToBeVisibleAsync();
        await Expect(page.Locator("#scheme-save")).ToBeHiddenAsync();
        await Expect(page.Locator("#scoring-method")).ToBeDisabledAsync();
        await Expect(page.Locator("#grades tbody tr input").First).ToBeDisabledAsync();
    }
}
