using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartPark.IntegrationTests.Efficiency;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.ParkData;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The efficiency inputs page in a real Chromium, against the real Dashboard and a real SQLite park
/// database: a district official enters a figure in place, checks a sheet with a bad row (listed,
/// nothing applied) and imports a good one, in Chinese and in English, and the page fits a phone.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class EfficiencyInputsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private SupervisionStack _stack = null!;

    public async Task InitializeAsync() => _stack = await EfficiencyInputsSeed.StartAsync(ParkDatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _stack.DisposeAsync();
    }

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines)) };

    [Fact]
    public async Task A_district_official_enters_a_figure_and_imports_a_sheet_in_chinese_and_english_and_on_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(_stack.Dashboard.Url, TestUser.DistrictBaiyun, "efficiency/inputs.html?district=baiyun&year=2025");
        await Expect(page.Locator("#ei-table")).ToHaveAttributeAsync("data-loaded", "2025");
        await Expect(page.Locator("#ei-table thead")).ToContainTextAsync("实缴税金（万元）");

        var e1 = page.Locator("tr[data-park=p-a][data-enterprise=e1]");
        await e1.Locator("input[name=taxPaid]").FillAsync("88.5");
        await e1.Locator("input[name=employees]").FillAsync("12");
        await e1.Locator("button.ei-save").ClickAsync();
        await Expect(e1.Locator(".ei-status")).ToHaveAttributeAsync("data-state", "saved");
        // A negative figure is refused next to its field.
        await e1.Locator("input[name=outputValue]").FillAsync("-3");
        await e1.Locator("button.ei-save").ClickAsync();
        await Expect(e1.Locator("input[name=outputValue]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(e1.Locator(".field-error").First).ToContainTextAsync("负数");
        await e1.Locator("input[name=outputValue]").FillAsync("");

        // A sheet with a bad row: every problem listed with its row, nothing applied.
        await page.Locator("#ei-file").SetInputFilesAsync(Csv("bad.csv",
            "统一社会信用代码,园区编号,企业编号,工业总产值(万元),实缴税金(万元)",
            $"{EfficiencyInputsSeed.CodeA2},,,500,-1",
            ",p-b,e1,1,1"));
        await page.Locator("#ei-check").ClickAsync();
        await Expect(page.Locator("#ei-import-status")).ToHaveAttributeAsync("data-result", "problems");
        await Expect(page.Locator("#ei-problems tr[data-code=negative][data-row='2']")).ToContainTextAsync("负数");
        await Expect(page.Locator("#ei-problems tr[data-code=other_district][data-row='3']")).ToBeVisibleAsync();
        await Expect(page.Locator("#ei-apply")).ToBeDisabledAsync();

        // A good sheet in English headers: checked, then applied, and the table shows it.
        await page.Locator("#ei-file").SetInputFilesAsync(Csv("good.csv",
            "creditCode,outputValue,taxPaid,standing",
            $"{EfficiencyInputsSeed.CodeA2},500,42,新建"));
        await page.Locator("#ei-check").ClickAsync();
        await Expect(page.Locator("#ei-import-status")).ToHaveAttributeAsync("data-result", "checked");
        await page.Locator("#ei-apply").ClickAsync();
        await Expect(page.Locator("#ei-import-status")).ToHaveAttributeAsync("data-result", "imported");
        await Expect(page.Locator("tr[data-park=p-a][data-enterprise=e2] input[name=taxPaid]")).ToHaveValueAsync("42");
        await BrowserFixture.ScreenshotAsync(page, "efficiency-inputs-zh");

        await using (var db = await _stack.Database.Factory.CreateDbContextAsync())
        {
            var rows = await db.Economics.AsNoTracking().OrderBy(e => e.EnterpriseId).ToListAsync();
            Assert.Equal([("e1", 88.5, "web"), ("e2", 42.0, "good.csv")], rows.Select(r => (r.EnterpriseId, r.TaxPaid!.Value, r.Source!)));
            Assert.Equal(12, rows[0].Employees);
        }

        // English, and a phone: cards of labelled rows, nothing scrolls sideways.
        await page.Locator("#lang").SelectOptionAsync("en");
        await Expect(page.Locator("#ei-table thead")).ToContainTextAsync("Tax paid (10k CNY)");
        await Expect(page.Locator("#ei-import h3")).ToHaveTextAsync("Import a sheet");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("#ei-table")).ToHaveAttributeAsync("data-loaded", "2025");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the inputs page scrolls sideways on a phone");
        await Expect(page.Locator("#ei-table thead")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "efficiency-inputs-phone-en");
    }
}
