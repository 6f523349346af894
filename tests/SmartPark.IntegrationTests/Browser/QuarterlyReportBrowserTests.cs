using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.IntegrationTests.Supervision.Reports;
using static Microsoft.Playwright.Assertions;

namespace SmartPark.IntegrationTests.Browser;

/// <summary>
/// The printable quarterly report in a real browser, as Baiyun's district official: the page
/// shows the district's parks and late projects, and the download is a workbook that opens and
/// holds those parks and no other district's.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Collection(SharedInfluxCollection.Name)]
public sealed class QuarterlyReportBrowserTests(BrowserFixture browser, SharedInflux influx) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _reports = Directory.CreateTempSubdirectory("smartpark-reports-").FullName;
    private MosquittoServer _broker = null!;
    private TestParkDatabase _database = null!;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _database = await TestParkDatabase.CreateAsync(ParkData.ParkDatabaseProvider.Sqlite);
        await using (var db = await _database.Factory.CreateDbContextAsync())
            await ReportSeed.SeedParksAsync(db);
        var name = influx.NewDatabase("report_browser");
        await ReportSeed.SeedAlertsAsync(influx.Server.Client(name));
        await ReportSeed.SeedConsumptionAsync(influx.Server.Client(name));
        _dashboard = await DashboardHost.StartAsync(_broker.Port, influx.Server.Url, name, [.. _database.DashboardArgs, $"--Dashboard:ReportsDirectory={_reports}"]);
    }

    public async Task DisposeAsync()
    {
        await browser.CloseContextsAsync();
        await _dashboard.DisposeAsync();
        await _database.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_reports, recursive: true);
    }

    [Theory]
    [InlineData("zh-CN", "石门工业园", "施工建设")]
    [InlineData("en", "Shimen Industrial Park", "Construction")]
    public async Task A_district_official_prints_the_report_and_downloads_the_workbook(string lang, string shimen, string construction)
    {
        var page = await browser.NewPageAsync(lang);
        await page.SignInAsync(_dashboard.Url, TestUser.DistrictOfficial, "signin");
        await page.EvaluateAsync("lang => localStorage.setItem('smartpark.lang', lang)", lang);
        await page.GotoAsync(new Uri(_dashboard.Url, "supervision/districts/baiyun/reports/2026/3").ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "1");

        await Expect(page.Locator("#r-parks tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#r-parks tr[data-park='by-shimen']")).ToContainTextAsync(shimen);
        await Expect(page.Locator("#r-parks")).Not.ToContainTextAsync("hz-nanzhou");
        var late = page.Locator("#r-behind tbody tr[data-status='overdue']");
        await Expect(late).ToHaveCountAsync(2);
        await Expect(late.First).ToContainTextAsync(construction);
        await Expect(page.Locator("#r-findings tr[data-park='by-jianggao']")).ToContainTextAsync("12");
        // The quarter's energy: Shimen's 3500 kWh (in either language's digit grouping).
        await Expect(page.Locator("#r-energy tr[data-park='by-shimen']")).ToContainTextAsync("3,500");
        await BrowserFixture.ScreenshotAsync(page, $"quarterly-report-{lang}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#r-download").ClickAsync());
        Assert.Equal("baiyun-2026-Q3.xlsx", download.SuggestedFilename);
        var path = Path.Combine(_reports, "downloaded-" + lang + ".xlsx");
        await download.SaveAsAsync(path);
        var workbook = await File.ReadAllBytesAsync(path);
        Assert.Equal(QuarterlyReportWorkbook.SheetNames, WorkbookGolden.SheetNames(workbook));
        var parks = WorkbookGolden.ReadSheet(workbook, QuarterlyReportWorkbook.ParksSheet).Skip(2).Select(r => (r[0], r[1])).ToList();
        Assert.Equal([("by-jianggao", "江高村级工业园"), ("by-renhe", "人和旧厂区"), ("by-shimen", "石门工业园"), ("by-taihe", "太和园")], parks);
    }
}
