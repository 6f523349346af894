using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The duty roster page in a real Chromium on a phone's screen (390 px), against the real Dashboard
/// and a real SQLite park database: the park's operator starts from no roster, adds two people and
/// a day-long shift, saves, and sees who is on duty now with tap-to-call and mail links and the
/// week's grid coloured by the first person on duty, in Chinese and in English, without sideways
/// scrolling; the row in the database is what the page said.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class DutyRosterBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SupervisionStack _stack = null!;

    public async Task InitializeAsync() => _stack = await SupervisionStack.StartAsync(ParkDatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _stack.DisposeAsync();
    }

    private static async Task UseLanguageAsync(IPage page, string lang)
    {
        await page.EvaluateAsync("lang => localStorage.setItem('smartpark.lang', lang)", lang);
        await page.ReloadAsync();
    }

    private static async Task AddPersonAsync(IPage page, int index, string id, string name, string phone, string email)
    {
        await page.Locator("#duty-add-person").ClickAsync();
        var row = page.Locator($"#duty-edit-people > li[data-index='{index}']");
        await row.Locator("input[name=id]").FillAsync(id);
        await row.Locator("input[name=name]").FillAsync(name);
        await row.Locator("input[name=phone]").FillAsync(phone);
        await row.Locator("input[name=email]").FillAsync(email);
    }

    [Fact]
    public async Task The_operator_sets_up_the_roster_and_sees_who_is_on_duty_now_on_a_phone_in_both_languages()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.OperatorA, "supervision/parks/p-a/duty");
        await Expect(page.Locator("#duty-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#duty-empty")).ToContainTextAsync("尚未设置值班表");

        await page.Locator("#duty-edit > summary").ClickAsync();
        await AddPersonAsync(page, 0, "zhang", "张工", "138 0000 0001", "zhang@example.invalid");
        await AddPersonAsync(page, 1, "li", "李经理", "+8613800000003", "");
        await page.Locator("#duty-manager").SelectOptionAsync("li");
        await page.Locator("#duty-add-shift").ClickAsync();
        var shift = page.Locator("#duty-edit-shifts > li[data-index='0']");
        // A whole day every day (from = until), so "now" is covered whenever the test runs.
        await shift.Locator("input[name=from]").FillAsync("00:00");
        await shift.Locator("input[name=until]").FillAsync("00:00");
        await shift.Locator("select[name=add-person]").SelectOptionAsync("zhang");
        await shift.Locator("button.duty-add-to-shift").ClickAsync();
        await Expect(shift.Locator(".duty-order li")).ToHaveCountAsync(1);
        await page.Locator("#duty-save").ClickAsync();
        await Expect(page.Locator("#duty-status")).ToHaveAttributeAsync("data-state", "saved");

        // On duty now: 张工 first (tap to call, tap to write), then the manager.
        var chain = page.Locator("#duty-chain > li");
        await Expect(chain).ToHaveCountAsync(2);
        await Expect(chain.Nth(0)).ToContainTextAsync("张工");
        await Expect(chain.Nth(0).Locator("a.tel")).ToHaveAttributeAsync("href", "tel:+8613800000001");
        await Expect(chain.Nth(0).Locator("a.mail")).ToHaveAttributeAsync("href", "mailto:zhang%40example.invalid");
        await Expect(chain.Nth(1)).ToContainTextAsync("李经理");
        await Expect(chain.Nth(1).Locator(".badge")).ToHaveTextAsync("负责人");
        // The week: 7 × 24 hours, every one 张工's colour, exactly one cell marked now.
        await Expect(page.Locator("#duty-week .cell")).ToHaveCountAsync(7 * 24);
        await Expect(page.Locator("#duty-week .cell.duty-c0")).ToHaveCountAsync(7 * 24);
        await Expect(page.Locator("#duty-week .cell.now")).ToHaveCountAsync(1);
        await Expect(page.Locator("#duty-shifts > li.current")).ToContainTextAsync("每天 00:00–00:00");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the roster page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "duty-roster-zh-CN-phone");

        await UseLanguageAsync(page, "en");
        await Expect(page.Locator("#duty-now h3")).ToHaveTextAsync("On duty now");
        await Expect(page.Locator("#duty-chain > li").Nth(1).Locator(".badge")).ToHaveTextAsync("manager");
        await Expect(page.Locator("#duty-shifts > li.current")).ToContainTextAsync("Every day 00:00–00:00 (next day)");
        await Expect(page.Locator("#duty-week .cell.now")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the roster page scrolls sideways on a phone in English");
        await BrowserFixture.ScreenshotAsync(page, "duty-roster-en-phone");

        await using var db = await _stack.Database.Factory.CreateDbContextAsync();
        var row = await db.DutyRosters.AsNoTracking().SingleAsync();
        Assert.Equal(("p-a", "li", 1L), (row.ParkId, row.Manager, row.Version));
        Assert.Contains("\"phone\":\"+8613800000001\"", row.PeopleJson, StringComparison.Ordinal);
        Assert.Equal("""[{"days":["mon","tue","wed","thu","fri","sat","sun"],"from":"00:00","until":"00:00","people":["zhang"]}]""", row.ShiftsJson);
        Assert.Equal("op-a", (await db.Audit.SingleAsync(a => a.Key == "duty:p-a")).Actor);
    }
}
