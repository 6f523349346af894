using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// The known district (<see cref="ReportSeed"/>) from a real park database and a real InfluxDB
/// to the workbook, read back with MiniExcel and compared cell by cell with the golden files in
/// Golden/baiyun-2026-Q3 (one CSV per sheet).
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class QuarterlyReportGoldenTests(SharedInflux influx)
{
    private async Task<(TestParkDatabase Database, QuarterlyReportBuilder Builder)> SeedAsync(string provider)
    {
        var database = await TestParkDatabase.CreateAsync(provider);
        var client = influx.Server.Client(influx.NewDatabase("report"));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await ReportSeed.SeedParksAsync(db);
            await ReportSeed.SeedEfficiencyAsync(db, client);
            await ReportRectificationSeed.SeedAsync(db);
        }
        await ReportSeed.SeedAlertsAsync(client);
        await ReportSeed.SeedConsumptionAsync(client);
        return (database, ReportSeed.Builder(database.Factory, client, new FakeTimeProvider(ReportSeed.AfterQuarter)));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_districts_workbook_matches_the_golden_files_cell_by_cell(string provider)
    {
        var (database, builder) = await SeedAsync(provider);
        await using var _ = database;
        var report = await builder.BuildAsync(ReportSeed.District, ReportSeed.Quarter, CancellationToken.None);
        Assert.NotNull(report);
        var workbook = QuarterlyReportWorkbook.ToBytes(report);

        Assert.Equal(QuarterlyReportWorkbook.SheetNames, WorkbookGolden.SheetNames(workbook));
        WorkbookGolden.AssertMatches(workbook, QuarterlyReportWorkbook.SheetNames, WorkbookGolden.SourceFolder("baiyun-2026-Q3"));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Rectification_counts_the_quarters_orders_and_lists_the_overdue_ones_as_of_its_last_day(string provider)
    {
        var (database, builder) = await SeedAsync(provider);
        await using var _ = database;
        var report = (await builder.BuildAsync(ReportSeed.District, ReportSeed.Quarter, CancellationToken.None))!;

        var r = report.Rectification!;
        Assert.Equal((3, 1, 3, 3), (r.Issued, r.Closed, r.OpenAtEnd, r.Overdue));
        // Most days late first; the gas order due on the quarter's last day is late at that day's end, as a stage is.
        Assert.Equal([("by-shimen", "electrical", 52), ("by-jianggao", "fire-water", 30), ("by-shimen", "gas", 1)], r.OverdueOrders.Select(o => (o.ParkId, o.Hazard, o.DaysOverdue)));
        Assert.Equal("华新家具", r.OverdueOrders[0].EnterpriseNameZh);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Monitoring_findings_count_only_the_quarter_and_the_districts_parks(string provider)
    {
        var (database, builder) = await SeedAsync(provider);
        await using var _ = database;
        var report = (await builder.BuildAsync(ReportSeed.District, ReportSeed.Quarter, CancellationToken.None))!;

        Assert.DoesNotContain(report.Parks, p => p.Id == "hz-nanzhou");
        var shimen = report.Findings.Single(f => f.ParkId == "by-shimen");
        var jianggao = report.Findings.Single(f => f.ParkId == "by-jianggao");
        // Shimen: two raises in the quarter (one before, one after it not counted); the shut-down shop once.
        Assert.Equal((2, 1, 0), (shimen.EmissionExceedances, shimen.ShutDownDrawingPower, shimen.FireAlarms));
        Assert.Equal((1, 0, 2), (jianggao.EmissionExceedances, jianggao.ShutDownDrawingPower, jianggao.FireAlarms));
        // 6 h + the last 6 h of the quarter at Shimen; 12 h at Jianggao from an outage that began before it.
        Assert.Equal([("by-jianggao", "e02-edge1", 12.0, 1), ("by-shimen", "e01-edge1", 6.0, 1), ("by-shimen", "e05-edge1", 6.0, 1)],
            report.Downtime.Select(d => (d.ParkId, d.Device, d.Hours, d.Outages)).OrderBy(d => d.ParkId).ThenBy(d => d.Device));
        Assert.Equal("宏运涂装", report.Downtime.Single(d => d.Device == "e05-edge1").EnterpriseNameZh);
        // Overdue as of 30 September: Jianggao's construction and Renhe's production stop (done only in October).
        Assert.Equal([("by-jianggao", 16), ("by-renhe", 61)], report.Behind.Select(b => (b.ParkId, b.DaysOverdue)));
        Assert.Equal(0.1, report.Summary.RenovatedKm2);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_energy_section_sums_the_quarters_months_per_park_of_the_district(string provider)
    {
        var (database, builder) = await SeedAsync(provider);
        await using var _ = database;
        var report = (await builder.BuildAsync(ReportSeed.District, ReportSeed.Quarter, CancellationToken.None))!;

        // Shimen: 1000 + 1200 + 1300 = 3500 kWh; (3500 × 0.1229 + 100 m³ gas × 1.2143) / 1000 = 0.55158 tce.
        // Jianggao: 600 kWh, 0.07374 tce; its meter covered half of September: 0.5 × 30 / 92 days of the quarter.
        // Renhe and the fourth park meter nothing: a row without figures, not zeros. June, October and Haizhu are not counted.
        var rows = report.Energy.Parks.ToDictionary(r => r.ParkId);
        Assert.Equal(report.Parks.Select(p => p.Id), report.Energy.Parks.Select(r => r.ParkId));
        Assert.Equal((3500.0, 0.552, 1.0), (rows["by-shimen"].Kwh!.Value, rows["by-shimen"].Tce!.Value, rows["by-shimen"].Coverage!.Value));
        Assert.Equal((600.0, 0.074, Math.Round(15.0 / 92, 4)), (rows["by-jianggao"].Kwh!.Value, rows["by-jianggao"].Tce!.Value, rows["by-jianggao"].Coverage!.Value));
        Assert.Null(rows["by-renhe"].Kwh);
        Assert.Equal((4100.0, 0.626), (report.Energy.Kwh, report.Energy.Tce));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_efficiency_section_is_the_last_full_years_grades_low_efficiency_land_and_breaches(string provider)
    {
        var (database, builder) = await SeedAsync(provider);
        await using var _ = database;
        var report = (await builder.BuildAsync(ReportSeed.District, ReportSeed.Quarter, CancellationToken.None))!;

        var efficiency = report.Efficiency;
        Assert.NotNull(efficiency);
        Assert.Equal(2025, efficiency.Year);
        Assert.Equal(["A", "B", "C", "D"], efficiency.Grades.Select(g => g.Grade));
        // Huaxin and Meida graded; Hongyun (no economics) not: the district's three enterprises with land and more without.
        Assert.Equal(2, efficiency.Grades.Sum(g => g.Enterprises));
        Assert.Equal(report.Parks.Sum(p => p.Enterprises) - 2, efficiency.NotGraded);
        Assert.Equal(efficiency.LowEfficiency.Sum(l => l.LandMu), efficiency.LowEfficiencyMu, 9);
        Assert.All(efficiency.LowEfficiency, l => Assert.Equal("D", l.Grade));
        // Meida promised 5 万元 tax per mu and paid 20 万元 on 15 mu.
        var breach = Assert.Single(efficiency.Breaches);
        Assert.Equal(("by-jianggao", "e02", "tax_per_mu", 5.0, 1.3333), (breach.ParkId, breach.EnterpriseId, breach.Target, breach.Promised, breach.Achieved!.Value));
        Assert.Equal("美达印刷", breach.EnterpriseNameZh);
    }
}
