using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData;
using SmartPark.ParkData.Validation;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The park edit page in a real Chromium, against the real Dashboard and a real SQLite park
/// database: a district official changes fields and sees them in the history; a second tab that
/// loaded the park before saves over it and is shown who changed it, then reapplies its own change
/// on top of the other one.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class ParkEditBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SupervisionStack _stack = null!;

    public async Task InitializeAsync() => _stack = await SupervisionStack.StartAsync(ParkDatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task A_district_official_edits_a_park_sees_the_history_and_a_stale_second_tab_is_shown_the_conflict()
    {
        var first = await browser.NewPageAsync();
        await first.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "supervision/parks/p-a/edit");
        await Expect(first.Locator("#park-title")).ToContainTextAsync("园区 p-a");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(new Uri(_stack.Dashboard.Url, "supervision/parks/p-a/edit").ToString());
        await Expect(second.Locator("#park-form input[name=nameEn]")).ToHaveValueAsync("Park p-a");

        await first.Locator("#park-form input[name=nameEn]").FillAsync("Shimen Furniture Park");
        await first.Locator("#park-form input[name=leadingIndustry]").FillAsync("电子");
        await first.Locator("#park-form select[name=category]").SelectOptionAsync("upgrade");
        await first.Locator("#park-save").ClickAsync();
        await Expect(first.Locator("#park-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(first.Locator("#history li").First).ToContainTextAsync("district-baiyun");
        await Expect(first.Locator("#history li").First).ToContainTextAsync("LeadingIndustry: 家具 → 电子");

        // The second tab still holds version 0: its save is refused and says who changed the park.
        await second.Locator("#park-form input[name=township]").FillAsync("钟落潭镇");
        await second.Locator("#park-save").ClickAsync();
        await Expect(second.Locator("#conflict")).ToBeVisibleAsync();
        await Expect(second.Locator("#conflict-text")).ToContainTextAsync("district-baiyun");
        await BrowserFixture.ScreenshotAsync(second, "park-edit-conflict");
        await second.Locator("#conflict-reapply").ClickAsync();
        await Expect(second.Locator("#park-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(second.Locator("#conflict")).ToBeHiddenAsync();

        await using var db = await _stack.Database.Factory.CreateDbContextAsync();
        var park = await db.Parks.AsNoTracking().SingleAsync(p => p.Id == "p-a");
        // Only the second tab's own change was reapplied: the first tab's stays.
        Assert.Equal(("钟落潭镇", "Shimen Furniture Park", "电子", 2L), (park.Township, park.NameEn, park.LeadingIndustry, park.Version));
    }

    [Fact]
    public async Task A_mistyped_credit_code_is_shown_next_to_its_field_on_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "supervision/parks/p-a/edit");
        var enterprise = page.Locator("details[data-enterprise=e1]");
        await enterprise.Locator("summary").ClickAsync();
        const string first17 = "91440101MA5CUQ2X1";
        var check = UnifiedSocialCreditCode.CheckCharacter(first17);
        await enterprise.Locator("input[name=creditCode]").FillAsync(first17 + (check == '0' ? '1' : '0'));
        await enterprise.Locator("button[type=submit]").ClickAsync();
        await Expect(enterprise.Locator("label:has(input[name=creditCode]) .field-error")).ToContainTextAsync("校验位");
        // The whole page fits the phone's width: the form, the history and the shared header (which wraps).
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('park-form').scrollWidth <= window.innerWidth"), "the edit form is wider than the phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the edit page scrolls sideways on a phone");
        await BrowserFixture.ScreenshotAsync(page, "park-edit-phone");

        await enterprise.Locator("input[name=creditCode]").FillAsync(first17 + check);
        await enterprise.Locator("button[type=submit]").ClickAsync();
        await Expect(enterprise.Locator(".save-status")).ToHaveAttributeAsync("data-state", "saved");
    }
}
