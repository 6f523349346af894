using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartPark.IntegrationTests.Rectification;
using SmartPark.IntegrationTests.Servers;
using SmartPark.ParkData;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// Hazard rectification in a real Chromium on a phone's screen (390 px), in Chinese and English,
/// against the real Dashboard and a real SQLite park database: the operator inspects an enterprise
/// (one item fails, with a photo from the "camera"), the failed item's order appears with its photo;
/// the operator issues the reply link, the enterprise opens it without an account and replies with a
/// photo; the operator verifies and closes; every view is screenshotted in both languages.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class RectificationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private RectificationStack _stack = null!;

    public async Task InitializeAsync() => _stack = await RectificationStack.StartAsync(ParkDatabaseProvider.Sqlite);

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

    private static async Task AssertFitsAsync(IPage page, string view) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{view} scrolls sideways on a phone");

    private string PhotoFile(string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(_stack.EvidenceDirectory)!, name);
        File.WriteAllBytes(path, RectificationApiTests.Photo(name));
        return path;
    }

    [Fact]
    public async Task An_inspection_on_a_phone_raises_an_order_the_enterprise_answers_by_its_link_and_the_operator_closes()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.OperatorA, "parks/p-a/inspection");
        await Expect(page.Locator("#rx-inspection")).ToHaveAttributeAsync("data-loaded", "1");
        await page.Locator("#rx-use-template").ClickAsync();
        await Expect(page.Locator("#rx-items li")).ToHaveCountAsync(12);
        foreach (var item in await page.Locator("#rx-items li").AllAsync())
            await item.Locator("button.rx-pass").ClickAsync();
        var failed = page.Locator("#rx-items li[data-item=extinguishers]");
        await failed.Locator("button.rx-fail").ClickAsync();
        await failed.Locator("input[name=note-extinguishers]").FillAsync("二楼灭火器压力不足");
        Assert.Equal("environment", await failed.Locator("input[type=file]").GetAttributeAsync("capture"));
        Assert.Equal("image/*", await failed.Locator("input[type=file]").GetAttributeAsync("accept"));
        await failed.Locator("input[type=file]").SetInputFilesAsync(PhotoFile("extinguisher.png"));
        await AssertFitsAsync(page, "inspection");
        await BrowserFixture.ScreenshotAsync(page, "rectification-inspection-zh");
        await page.Locator("#rx-inspect button[type=submit]").ClickAsync();
        await Expect(page.Locator("#rx-inspection")).ToHaveAttributeAsync("data-saved", "1");
        await Expect(page.Locator("#rx-inspect-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator("#rx-raised a")).ToHaveCountAsync(1);

        // The orders list: the new order, and its page with the inspection's photo as a thumbnail.
        await page.GotoAsync(new Uri(_stack.Dashboard.Url, "parks/p-a/rectification").ToString());
        await Expect(page.Locator("#rx-orders")).ToHaveAttributeAsync("data-loaded", "1");
        await Expect(page.Locator("#rx-list .rx-card")).ToHaveCountAsync(1);
        await Expect(page.Locator("#rx-list .rx-card")).ToContainTextAsync("二楼灭火器压力不足");
        await AssertFitsAsync(page, "orders");
        await BrowserFixture.ScreenshotAsync(page, "rectification-orders-zh");
        await page.Locator("#rx-list .rx-card").ClickAsync();
        await Expect(page.Locator("#rx-order")).ToHaveAttributeAsync("data-loaded", "1");
        await Expect(page.Locator("#rx-photos img.rx-thumb")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#rx-photos img.rx-thumb'); return i && i.complete && i.naturalWidth > 0; }");

        await page.Locator("#rx-issue-link").ClickAsync();
        await Expect(page.Locator("#rx-link-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        var link = await page.Locator("#rx-link-url").InputValueAsync();
        await AssertFitsAsync(page, "order");
        await BrowserFixture.ScreenshotAsync(page, "rectification-order-zh");

        // The enterprise: no account, a fresh browser, the link alone.
        var enterprise = await browser.NewPageAsync();
        await enterprise.SetViewportSizeAsync(390, 844);
        await enterprise.GotoAsync(link);
        await Expect(enterprise.Locator("#reply")).ToHaveAttributeAsync("data-loaded", "open");
        await Expect(enterprise.Locator("#reply-description")).ToContainTextAsync("二楼灭火器压力不足");
        await Expect(enterprise.Locator("#reply-form input[name=replier]")).ToHaveValueAsync("王经理");
        await enterprise.Locator("#reply-form textarea[name=note]").FillAsync("已更换灭火器并复检");
        await enterprise.Locator("#reply-form input[type=file]").SetInputFilesAsync(PhotoFile("replaced.png"));
        await AssertFitsAsync(enterprise, "reply");
        await BrowserFixture.ScreenshotAsync(enterprise, "rectification-reply-zh");
        await enterprise.Locator("#reply-form button[type=submit]").ClickAsync();
        await Expect(enterprise.Locator("#reply")).ToHaveAttributeAsync("data-loaded", "replied");
        await UseLanguageAsync(enterprise, "en");
        await Expect(enterprise.Locator("#reply-waiting")).ToContainTextAsync("waiting for the park");
        await BrowserFixture.ScreenshotAsync(enterprise, "rectification-reply-en");

        // The operator verifies and closes, in English.
        await UseLanguageAsync(page, "en");
        await Expect(page.Locator("#rx-order")).ToHaveAttributeAsync("data-state", "replied");
        await Expect(page.Locator("#rx-photos img.rx-thumb")).ToHaveCountAsync(2);
        await page.Locator("#rx-step textarea[name=note]").FillAsync("Checked on site");
        await page.Locator("#rx-moves button[data-move=verified]").ClickAsync();
        await Expect(page.Locator("#rx-order")).ToHaveAttributeAsync("data-state", "verified");
        await page.Locator("#rx-moves button[data-move=closed]").ClickAsync();
        await Expect(page.Locator("#rx-order")).ToHaveAttributeAsync("data-state", "closed");
        // Issued, photos added, link issued, replied, verified, closed.
        await Expect(page.Locator("#rx-timeline li")).ToHaveCountAsync(6);
        await Expect(page.Locator("#rx-timeline li").Last).ToContainTextAsync("Closed");
        await AssertFitsAsync(page, "order");
        await BrowserFixture.ScreenshotAsync(page, "rectification-order-en");
        await page.GotoAsync(new Uri(_stack.Dashboard.Url, "parks/p-a/rectification").ToString());
        await Expect(page.Locator("#rx-list .rx-card")).ToContainTextAsync("Closed");
        await BrowserFixture.ScreenshotAsync(page, "rectification-orders-en");
        await page.GotoAsync(new Uri(_stack.Dashboard.Url, "parks/p-a/inspection").ToString());
        await Expect(page.Locator("#rx-inspection")).ToHaveAttributeAsync("data-loaded", "1");
        await Expect(page.Locator("#rx-items li").First).ToContainTextAsync("Distribution boards");
        await BrowserFixture.ScreenshotAsync(page, "rectification-inspection-en");

        // The closed order's link opens nothing any more.
        await enterprise.ReloadAsync();
        await Expect(enterprise.Locator("#reply")).ToHaveAttributeAsync("data-loaded", "invalid");

        await using var db = await _stack.Database.Factory.CreateDbContextAsync();
        var order = await db.RectificationOrders.AsNoTracking().SingleAsync();
        Assert.Equal(("closed", "inspection", "fire"), (order.State, order.Source, order.Hazard));
        Assert.Equal(2, await db.RectificationEvidence.CountAsync());
    }

    [Fact]
    public async Task An_overdue_order_is_shown_first_and_red_to_the_district_official()
    {
        await using (var db = await _stack.Database.Factory.CreateDbContextAsync())
        {
            db.Actor = "test-seed";
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            db.RectificationOrders.AddRange(
                new SmartPark.ParkData.Entities.Rectification.RectificationOrder { ParkId = "p-a", EnterpriseId = "e1", Source = "manual", Hazard = "gas", Description = "燃气阀门锈蚀", Deadline = today.AddDays(10), State = "open", CreatedBy = "op-a", CreatedAt = DateTime.UtcNow },
                new SmartPark.ParkData.Entities.Rectification.RectificationOrder { ParkId = "p-live", EnterpriseId = "e1", Source = "manual", Hazard = "electrical", Description = "电缆接头发热", Deadline = today.AddDays(-4), State = "replied", CreatedBy = "op-a", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            var page = await browser.NewPageAsync();
            await page.SetViewportSizeAsync(390, 844);
            await page.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "supervision/districts/baiyun");
            if (lang == "en")
                await UseLanguageAsync(page, "en");
            await Expect(page.Locator("#rx-district")).ToHaveAttributeAsync("data-loaded", "1");
            var first = page.Locator("#rx-district tbody tr").First;
            await Expect(first).ToHaveAttributeAsync("data-overdue", "true");
            await Expect(first).ToContainTextAsync(lang == "en" ? "Overdue by 4 days" : "已逾期 4 天");
            await Expect(page.Locator("#rx-district tbody tr")).ToHaveCountAsync(2);
            await page.Locator("#rx-district").ScrollIntoViewIfNeededAsync();
            await BrowserFixture.ScreenshotAsync(page, $"rectification-district-{(lang == "en" ? "en" : "zh")}");
        }
    }
}
