using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Efficiency.Export;
using SmartPark.Efficiency.StandardCoal;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;
using SmartPark.IntegrationTests.Supervision.Reports;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// The district's efficiency workbook from a real Dashboard on a park database of each provider
/// (the standard parks: <c>p-a</c>, <c>p-live</c> and <c>baiyun-shimen</c> in Baiyun, <c>p-b</c> in
/// Huadu, each with an enterprise <c>e1</c>) and a real InfluxDB holding the 2025 year points,
/// read back with MiniExcel.
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class EfficiencyExportTests(SharedInflux influx)
{
    private const string Export = "api/efficiency/districts/baiyun/export.xlsx?year=2025";

    private static string YearLine(string park, double kwh) => string.Create(CultureInfo.InvariantCulture,
        $"energy_use_1y,park={park},enterprise=e1,device=m1,sensor=meter use={kwh},coverage=1,flags=\"\",readings=35040i {EnterpriseFactsReader.YearStart(2025).ToUnixTimeMilliseconds()}");

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_workbook_ranks_every_enterprise_of_the_district_as_the_evaluation_does(string provider)
    {
        await using var database = await TestParkDatabase.CreateAsync(provider);
        await database.SeedStandardAsync();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Actor = "test";
            // Land: 20 mu each in Baiyun (p-b too, which Baiyun's workbook must leave out).
            foreach (var e in await db.Enterprises.ToListAsync())
                e.LandAreaM2 = 20 * 10_000.0 / 15;
            // Economics for 2025: p-a's and p-live's e1 graded, baiyun-shimen's e1 none (not graded), p-b's e1 too.
            foreach (var (park, output, tax) in new[] { ("p-a", 4000.0, 300.0), ("p-live", 2500.0, 60.0), ("p-b", 9000.0, 900.0) })
            {
                db.Economics.Add(new EnterpriseEconomics
                {
                    ParkId = park,
                    EnterpriseId = "e1",
                    Year = 2025,
                    OutputValue = output,
                    ValueAdded = output / 4,
                    Revenue = output,
                    TaxPaid = tax,
                    Employees = 50,
                    RdSpending = output / 50,
                    Standing = EvaluationStanding.Graded,
                });
            }
            await db.SaveChangesAsync();
        }
        var name = influx.NewDatabase("efficiency_export");
        var client = influx.Server.Client(name);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        await client.WriteAsync(string.Join('\n', YearLine("p-a", 800_000), YearLine("p-live", 500_000), YearLine("p-b", 100_000)), CancellationToken.None);

        await using var broker = await MosquittoServer.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(broker.Port, influx.Server.Url, name, database.DashboardArgs);
        using var baiyun = await dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var response = await baiyun.Http.GetAsync(Export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("baiyun-efficiency-2025.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var workbook = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(EfficiencyWorkbook.SheetNames, WorkbookGolden.SheetNames(workbook));

        // What the workbook must say: the same service's evaluation, on the same data.
        var service = new EfficiencyEvaluationService(new EnterpriseFactsReader(new ConsumptionReader(client), new StandardCoalConverter(new StandardCoalOptions())));
        EvaluatedYear expected;
        await using (var db = await database.Factory.CreateDbContextAsync())
            expected = await service.EvaluateAsync(db, "baiyun", 2025, CancellationToken.None);

        var ranking = WorkbookGolden.ReadSheet(workbook, EfficiencyWorkbook.RankingSheet);
        Assert.Equal("园区编号", ranking[0][0]);
        Assert.Equal("Park ID", ranking[1][0]);
        var rows = ranking.Skip(EfficiencyWorkbook.HeaderRows).ToList();
        // Every Baiyun enterprise, none of Huadu's; the graded ones first by rank.
        Assert.Equal(["baiyun-shimen/e1", "p-a/e1", "p-live/e1"], rows.Select(r => r[0] + "/" + r[2]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("20", r[6]));
        var header = ranking[1].ToList();
        int Column(string title) => header.IndexOf(title);
        foreach (var e in expected.Evaluation.Enterprises)
        {
            var row = rows.Single(r => r[0] == e.Facts.ParkId && r[2] == e.Facts.EnterpriseId);
            Assert.Equal(e.Grade ?? "", row.ElementAtOrDefault(Column("Grade")) ?? "");
            Assert.Equal(e.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", row.ElementAtOrDefault(Column("Rank")) ?? "");
        }
        var shimen = rows.Single(r => r[0] == "baiyun-shimen");
        Assert.Equal("无经济数据 No economic figures", shimen[Column("Not graded because")]);
        Assert.Equal(2, expected.Evaluation.Enterprises.Count(e => e.Rank is not null));
        Assert.Equal(["1", "2"], rows.Take(2).Select(r => r[Column("Rank")]));

        var grades = WorkbookGolden.ReadSheet(workbook, EfficiencyWorkbook.GradesSheet).Skip(EfficiencyWorkbook.HeaderRows).ToList();
        foreach (var (grade, count) in expected.Evaluation.GradeCounts)
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), grades.Single(r => r[0] == grade)[1]);
        Assert.Equal("1", grades.Single(r => r[0] == "未评级 Not graded")[1]);
        var scheme = WorkbookGolden.ReadSheet(workbook, EfficiencyWorkbook.SchemeSheet);
        Assert.Contains(scheme, r => r.Count > 1 && r[0] == "评分方法 Scoring method" && r[1] == expected.Scheme.ScoringMethod);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Only_the_districts_officials_its_citys_and_admins_get_the_workbook(string provider)
    {
        await using var database = await TestParkDatabase.CreateAsync(provider);
        await database.SeedStandardAsync();
        var name = influx.NewDatabase("efficiency_export_access");
        await influx.Server.Client(name).EnsureDatabaseAsync(CancellationToken.None);
        await using var broker = await MosquittoServer.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(broker.Port, influx.Server.Url, name, database.DashboardArgs);
        foreach (var (user, status) in new[]
        {
            (TestUser.DistrictBaiyun, HttpStatusCode.OK),
            (TestUser.CityOfficial, HttpStatusCode.OK),
            (TestUser.Admin, HttpStatusCode.OK),
            (TestUser.DistrictHuadu, HttpStatusCode.Forbidden),
            (TestUser.CityQingyuan, HttpStatusCode.Forbidden),
            (TestUser.OperatorA, HttpStatusCode.Forbidden),
        })
        {
            using var client = await dashboard.SignInAsync(user);
            using var response = await client.Http.GetAsync(Export);
            Assert.True(status == response.StatusCode, $"{user.Name}: {(int)response.StatusCode}, expected {(int)status}");
        }
        using var baiyun = await dashboard.SignInAsync(TestUser.DistrictBaiyun);
        Assert.Equal(HttpStatusCode.Forbidden, (await baiyun.Http.GetAsync("api/efficiency/districts/huadu/export.xlsx?year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await baiyun.Http.GetAsync("api/efficiency/districts/nowhere/export.xlsx?year=2025")).StatusCode);
    }
}
