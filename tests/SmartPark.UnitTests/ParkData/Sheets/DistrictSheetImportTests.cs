using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;
using SmartPark.ParkData.Sheets;

namespace SmartPark.UnitTests.ParkData.Sheets;

/// <summary>
/// Importing into a real database: all or nothing, upsert counts, audit, clashes with what the
/// database holds, the jurisdiction's minimum area, and the export's round trip. Written once
/// for any provider: a subclass opens a fresh migrated database (<see cref="SqliteDistrictSheetImportTests"/>;
/// a PostgreSQL subclass needs only its own <see cref="OpenAsync"/>).
/// </summary>
public abstract class DistrictSheetImportTests : IAsyncLifetime
{
    private IDbContextFactory<ParkDbContext> _factory = null!;

    /// <summary>A fresh, empty database of this provider, migrated.</summary>
    protected abstract Task<IDbContextFactory<ParkDbContext>> OpenAsync();

    protected abstract Task CloseAsync();

    public async Task InitializeAsync()
    {
        _factory = await OpenAsync();
        await using var db = await _factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
    }

    public Task DisposeAsync() => CloseAsync();

    private async Task<SheetImportReport> ImportAsync(string district, bool dryRun, params SheetFile[] files)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await DistrictSheetImport.RunAsync(db, district, files, dryRun, "clerk-baiyun");
    }

    private async Task<(int Parks, int Enterprises, int Audit)> CountsAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        return (await db.Parks.CountAsync(), await db.Enterprises.CountAsync(), await db.Audit.CountAsync());
    }

    [Fact]
    public async Task The_sample_sheets_import_audited_as_the_uploader_and_a_second_import_changes_nothing()
    {
        var before = await CountsAsync();
        var report = await ImportAsync("baiyun", dryRun: false, SheetSamples.BaiyunParks(), SheetSamples.BaiyunEnterprises());

        Assert.Empty(report.Problems);
        Assert.True(report.Imported);
        Assert.Equal((new ImportCounts(8, 0, 0), new ImportCounts(12, 0, 0)), (report.Parks, report.Enterprises));
        await using (var db = await _factory.CreateDbContextAsync())
        {
            var shimen = await db.Parks.Include(p => p.Enterprises).SingleAsync(p => p.Id == "baiyun-shimen");
            Assert.Equal(("baiyun", 12.4, 3), (shimen.DistrictId, shimen.LandAreaHectares, shimen.Enterprises.Count));
            var audit = await db.Audit.Where(a => a.Id > 0).OrderBy(a => a.Id).Skip(before.Audit).ToListAsync();
            Assert.Equal(20, audit.Count);
            Assert.All(audit, a => Assert.Equal(("clerk-baiyun", "created"), (a.Actor, a.Action)));
            Assert.Contains(audit, a => a.Key == "enterprise:baiyun-shimen/shimen-printing" && a.ParkId == "baiyun-shimen");
        }

        var again = await ImportAsync("baiyun", dryRun: false, SheetSamples.BaiyunParks(), SheetSamples.BaiyunEnterprises());
        Assert.Equal((new ImportCounts(0, 0, 8), new ImportCounts(0, 0, 12)), (again.Parks, again.Enterprises));
        Assert.Equal(before.Audit + 20, (await CountsAsync()).Audit);
    }

    [Fact]
    public async Task A_dry_run_reports_the_counts_and_writes_nothing_and_a_changed_cell_is_one_update()
    {
        var before = await CountsAsync();
        var dry = await ImportAsync("baiyun", dryRun: true, SheetSamples.BaiyunParks());
        Assert.Equal((false, new ImportCounts(8, 0, 0)), (dry.Imported, dry.Parks));
        Assert.Equal(before, await CountsAsync());

        await ImportAsync("baiyun", dryRun: false, SheetSamples.BaiyunParks());
        var edited = System.Text.Encoding.UTF8.GetString(SheetSamples.BaiyunParks().Content).Replace("印刷包装,完备,办理中", "印刷包装,完备,完备", StringComparison.Ordinal);
        var update = await ImportAsync("baiyun", dryRun: false, SheetSamples.Csv("baiyun-parks.csv", edited));
        Assert.Equal(new ImportCounts(0, 1, 7), update.Parks);
        await using var db = await _factory.CreateDbContextAsync();
        var entry = await db.Audit.OrderByDescending(a => a.Id).FirstAsync(a => a.Key == "park:baiyun-shimen");
        Assert.Equal("updated", entry.Action);
        Assert.Contains("\"in_progress\"", entry.Before, StringComparison.Ordinal);
        Assert.Equal(1, (await db.Parks.SingleAsync(p => p.Id == "baiyun-shimen")).Version);
    }

    [Fact]
    public async Task Rows_that_clash_with_each_other_or_the_database_are_all_reported_and_nothing_is_written()
    {
        // Another district's park, and an enterprise there holding a credit code.
        await using (var db = await _factory.CreateDbContextAsync())
        {
            db.Parks.Add(new Park { Id = "tianhe-one", NameZh = "天河一园", DistrictId = "tianhe", LeadingIndustry = "软件" });
            db.Enterprises.Add(new Enterprise { ParkId = "tianhe-one", Id = "soft", NameZh = "软件公司", Industry = "软件", CreditCode = "91440111AFGMYTRM1N" });
            await db.SaveChangesAsync();
        }
        var before = await CountsAsync();
        var parks = SheetSamples.Csv("parks.csv",
            "园区编号,园区名称,所在区,占地面积(公顷),主导产业\n" +
            "p-one,一号园,白云区,3,印刷\n" + // row 2: fine
            "p-one,一号园又一次,白云区,3,印刷\n" + // row 3: duplicate id
            "p-two,二号园,天河区,3,印刷\n" + // row 4: another district named
            "tianhe-one,天河一园,白云区,3,软件\n" + // row 5: id taken by another district
            "p-three,三号园,火星区,3,印刷\n"); // row 6: no such district
        var enterprises = SheetSamples.Csv("enterprises.csv",
            "园区编号,企业编号,企业名称,统一社会信用代码,行业\n" +
            "p-one,e-one,一号厂,91440111BFF9D7E06B,印刷\n" + // row 2: fine
            "p-one,e-two,二号厂,91440111BFF9D7E06B,印刷\n" + // row 3: code used in row 2
            "p-one,e-one,一号厂重复,,印刷\n" + // row 4: duplicate enterprise
            "p-nowhere,e-x,无园厂,,印刷\n" + // row 5: unknown park
            "tianhe-one,e-y,越界厂,,印刷\n" + // row 6: a park of another district
            "p-one,e-three,三号厂,91440111AFGMYTRM1N,印刷\n"); // row 7: code held in the database

        var report = await ImportAsync("baiyun", dryRun: false, parks, enterprises);

        Assert.False(report.Imported);
        Assert.Equal((ImportCounts.None, ImportCounts.None), (report.Parks, report.Enterprises));
        Assert.Equal(
        [
            ("enterprises.csv", 3, SheetProblemCode.DuplicateCreditCode),
            ("enterprises.csv", 4, SheetProblemCode.DuplicateId),
            ("enterprises.csv", 5, SheetProblemCode.UnknownPark),
            ("enterprises.csv", 6, SheetProblemCode.OtherDistrict),
            ("enterprises.csv", 7, SheetProblemCode.DuplicateCreditCode),
            ("parks.csv", 3, SheetProblemCode.DuplicateId),
            ("parks.csv", 4, SheetProblemCode.OtherDistrict),
            ("parks.csv", 5, SheetProblemCode.OtherDistrict),
            ("parks.csv", 6, SheetProblemCode.UnknownDistrict),
        ], report.Problems.Select(p => (p.Sheet, p.Row, p.Code)));
        Assert.Equal("2", report.Problems.Single(p => p.Sheet == "parks.csv" && p.Row == 3).Detail);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Qingyuan_refuses_a_park_below_two_hectares_and_takes_one_of_two()
    {
        var sheet = SheetSamples.Csv("清城区.csv",
            "园区编号,园区名称,所在区,占地面积(亩),主导产业\n" +
            "qc-small,小园,清城区,29,陶瓷\n" + // row 2: 1.93 ha
            "qc-enough,够大园,清城区,30,陶瓷\n"); // row 3: exactly 2 ha

        var refused = await ImportAsync("qingcheng", dryRun: false, sheet);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((2, "占地面积(亩)", SheetProblemCode.BelowMinimumArea, "1.9333", "2"), (problem.Row, problem.Column, problem.Code, problem.Value, problem.Detail));
        Assert.Equal(0, (await CountsAsync()).Parks);

        // Guangzhou sets no minimum: the same small park is a park in Baiyun.
        var taken = await ImportAsync("baiyun", dryRun: false, SheetSamples.Csv("白云区.csv", "园区编号,园区名称,占地面积(亩),主导产业\nby-small,小园,29,陶瓷\n"));
        Assert.Equal(new ImportCounts(1, 0, 0), taken.Parks);
    }

    [Fact]
    public async Task The_exported_xlsx_and_csv_import_back_unchanged()
    {
        await ImportAsync("baiyun", dryRun: false, SheetSamples.BaiyunParks(), SheetSamples.BaiyunEnterprises());
        List<Park> parks;
        await using (var db = await _factory.CreateDbContextAsync())
            parks = await DistrictSheetExport.LoadAsync(db, "baiyun");

        var xlsx = await ImportAsync("baiyun", dryRun: false, new SheetFile("baiyun.xlsx", DistrictSheetExport.Xlsx(parks, "白云区")));
        Assert.Empty(xlsx.Problems);
        Assert.Equal((new ImportCounts(0, 0, 8), new ImportCounts(0, 0, 12)), (xlsx.Parks, xlsx.Enterprises));

        var csv = await ImportAsync("baiyun", dryRun: false,
            new SheetFile("parks.csv", DistrictSheetExport.ParksCsv(parks, "白云区")), new SheetFile("enterprises.csv", DistrictSheetExport.EnterprisesCsv(parks)));
        Assert.Empty(csv.Problems);
        Assert.Equal((new ImportCounts(0, 0, 8), new ImportCounts(0, 0, 12)), (csv.Parks, csv.Enterprises));
    }
}

public sealed class SqliteDistrictSheetImportTests : DistrictSheetImportTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sheet-import-").FullName;

    protected override async Task<IDbContextFactory<ParkDbContext>> OpenAsync()
    {
        var factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });
        await ParkDatabase.MigrateAsync(factory);
        return factory;
    }

    protected override Task CloseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
