using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// Who may read a district's report, over HTTP against the real Dashboard with a park database:
/// the district's official, its city's official and admins; nobody else, whatever the URL says.
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class QuarterlyReportAccessTests(SharedInflux influx) : IAsyncLifetime
{
    private const string Q3 = "2026-Q3";
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
        var name = influx.NewDatabase("report_access");
        await ReportSeed.SeedAlertsAsync(influx.Server.Client(name));
        _dashboard = await DashboardHost.StartAsync(_broker.Port, influx.Server.Url, name, [.. _database.DashboardArgs, $"--Dashboard:ReportsDirectory={_reports}"]);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _database.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_reports, recursive: true);
    }

    private static string Api(string district, string quarter = Q3, string suffix = "") => $"api/supervision/districts/{district}/reports/{quarter}{suffix}";

    private static async Task<HttpStatusCode> StatusAsync(SignedInClient client, string path)
    {
        using var response = await client.Http.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_district_official_reads_their_own_districts_report_and_no_other()
    {
        using var official = await _dashboard.SignInAsync(TestUser.DistrictOfficial);
        var report = (await official.Http.GetFromJsonAsync<JsonElement>(Api("baiyun")))!;
        Assert.Equal(["by-jianggao", "by-renhe", "by-shimen", "by-taihe"], report.GetProperty("parks").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        using (var xlsx = await official.Http.GetAsync(Api("baiyun", suffix: ".xlsx")))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal(QuarterlyReportEndpoints.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
            var workbook = await xlsx.Content.ReadAsByteArrayAsync();
            Assert.Equal(QuarterlyReportWorkbook.SheetNames, WorkbookGolden.SheetNames(workbook));
        }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(official, "supervision/districts/baiyun/reports/2026/3"));

        foreach (var path in new[]
        {
            Api("haizhu"), Api("haizhu", suffix: ".xlsx"), Api("qingcheng"), Api("no-such-district"), "api/supervision/districts/haizhu/reports",
            "supervision/districts/haizhu/reports/2026/3", Api("HAIZHU"), Api("Baiyun"),
        })
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(official, path));
    }

    [Fact]
    public async Task A_city_official_reads_every_district_of_their_city_and_none_of_another()
    {
        using var city = await _dashboard.SignInAsync(TestUser.CityOfficial);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(city, Api("baiyun")));
        var haizhu = (await city.Http.GetFromJsonAsync<JsonElement>(Api("haizhu")))!;
        Assert.Equal(["hz-nanzhou"], haizhu.GetProperty("parks").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(city, Api("qingcheng")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(city, Api("qingcheng", suffix: ".xlsx")));
    }

    [Fact]
    public async Task Operators_and_bureau_officers_are_refused_and_an_admin_sees_every_district()
    {
        foreach (var user in new[] { TestUser.OperatorA, TestUser.BureauA, TestUser.OperatorDemo })
        {
            using var client = await _dashboard.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, Api("baiyun")));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, Api("baiyun", suffix: ".xlsx")));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "api/supervision/districts/baiyun/reports"));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "supervision/districts/baiyun/reports/2026/3"));
        }
        using var admin = await _dashboard.SignInAsync(TestUser.Admin);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, Api("qingcheng")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(admin, Api("no-such-district")));
        // A quarter that has not begun has no report.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(admin, Api("baiyun", "2999-Q1")));
    }

    [Fact]
    public async Task A_visitor_who_has_not_signed_in_gets_nothing()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _dashboard.Url };
        foreach (var path in new[] { Api("baiyun"), Api("baiyun", suffix: ".xlsx"), "api/supervision/districts/baiyun/reports" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var page = await anonymous.GetAsync("supervision/districts/baiyun/reports/2026/3");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_stores_the_last_ended_quarters_reports_at_start_and_lists_them()
    {
        using var official = await _dashboard.SignInAsync(TestUser.DistrictOfficial);
        var lastEnded = ReportQuarter.Containing(DateTimeOffset.UtcNow).Previous.ToString();
        var list = await Poll.UntilAsync(() => official.Http.GetFromJsonAsync<JsonElement>("api/supervision/districts/baiyun/reports"),
            l => l.GetProperty("stored").EnumerateArray().Any(s => s.GetProperty("quarter").GetString() == lastEnded), TimeSpan.FromSeconds(30), "the stored report listed");
        Assert.True(File.Exists(Path.Combine(_reports, "baiyun", lastEnded + ".xlsx")));
        Assert.Equal(ReportQuarter.Containing(DateTimeOffset.UtcNow).ToString(), list.GetProperty("current").GetString());
    }
}
