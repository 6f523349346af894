using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// Permit limits on the park edit page in a real Chromium, on a phone's screen, against the real
/// Dashboard and a real SQLite park database: a district official records the permit number, adds
/// a limit on converted NOx (its unit shown), tightens it and sees both in the history; the row in
/// the database is what the page said.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class PermitLimitBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SupervisionStack _stack = null!;

    public async Task InitializeAsync() => _stack = await SupervisionStack.StartAsync(ParkDatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task A_district_official_adds_and_tightens_a_permit_limit_on_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "supervision/parks/p-a/edit");
        var enterprise = page.Locator("details[data-enterprise=e1]");
        await enterprise.Locator("summary").ClickAsync();
        var limits = enterprise.Locator(".permit-limits");
        // No permit number yet: the page says to record it first and offers no limit form.
        await Expect(limits.Locator(".notice")).ToContainTextAsync("排污许可证编号");
        await Expect(limits.Locator("form.limit-add")).ToHaveCountAsync(0);

        await enterprise.Locator("input[name=dischargePermitNumber]").FillAsync("91440111MA59AB1C2001V");
        await enterprise.Locator("form.edit-form button[type=submit]").ClickAsync();
        await Expect(enterprise.Locator("form.edit-form .save-status")).ToHaveAttributeAsync("data-state", "saved");

        var add = limits.Locator("form.limit-add");
        await add.Locator("select[name=quantity]").SelectOptionAsync("nox_converted");
        await Expect(add.Locator(".unit")).ToHaveTextAsync("mg/m3");
        await Expect(add.Locator("select[name=quantity] option:checked")).ToContainTextAsync("氮氧化物(折算)");
        await add.Locator("input[name=limit]").FillAsync("50");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(add.Locator(".save-status")).ToHaveAttributeAsync("data-state", "saved");

        var row = limits.Locator("form.limit-row[data-quantity=nox_converted]");
        await Expect(row.Locator("input[name=limit]")).ToHaveValueAsync("50");
        await Expect(row.Locator(".unit")).ToHaveTextAsync("mg/m3");
        await row.Locator("input[name=limit]").FillAsync("30");
        await row.Locator("button[type=submit]").ClickAsync();
        await Expect(row.Locator(".save-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator("#history li").First).ToContainTextAsync("permit-limit:p-a/e1/nox_converted");
        await Expect(page.Locator("#history li").First).ToContainTextAsync("Limit: 50 → 30");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the edit page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "permit-limits-phone");

        await using var db = await _stack.Database.Factory.CreateDbContextAsync();
        var limit = await db.PermitLimits.AsNoTracking().SingleAsync();
        Assert.Equal(("p-a", "e1", "nox_converted", 30.0, 1L), (limit.ParkId, limit.EnterpriseId, limit.Quantity, limit.Limit, limit.Version));
    }
}
