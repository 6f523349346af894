using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision.Projects;
using SmartPark.Dashboard.Supervision.Views;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.UnitTests.Dashboard.Supervision;

/// <summary>The district figures as the database sums them (GROUP BY on a real SQLite file), with a fixed "today".</summary>
public sealed class DistrictFiguresSqliteTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private readonly string _directory = Directory.CreateTempSubdirectory("district-figures-").FullName;
    private IDbContextFactory<ParkDbContext> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });
        await ParkDatabase.MigrateAsync(_factory);
        await using var db = await _factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        db.Parks.AddRange(
            Park("a", "baiyun", ParkCategory.Upgrade, 10), Park("b", "baiyun", ParkCategory.Upgrade, 20),
            Park("c", "baiyun", null, 3), Park("d", "huangpu", ParkCategory.Eliminate, 5));
        db.Projects.AddRange(
            // a: complete (its last stage done): 8 ha renovated, though the park has 10.
            Project("a", ParkCategory.Upgrade, 8, StageKind.Renovation.Select(_ => (DateOnly?)Today.AddDays(-10)).ToArray()),
            // b: everything but the last stage: not renovated yet; nothing overdue (operation planned later).
            Project("b", ParkCategory.Upgrade, 20, [Today.AddDays(-50), Today.AddDays(-40), Today.AddDays(-30), Today.AddDays(-20), null], operationPlanned: Today.AddDays(30)),
            // b again: approval planned a week ago, not done: overdue by 7 days.
            Project("b", ParkCategory.Convert, 4, [null, null, null, null, null], approvalPlanned: Today.AddDays(-7)),
            // d: closure, site cleared: 5 ha in Huangpu.
            Project("d", ParkCategory.Eliminate, 5, StageKind.Closure.Select(_ => (DateOnly?)Today.AddDays(-3)).ToArray()));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static Park Park(string id, string district, string? category, double hectares) =>
        new() { Id = id, NameZh = "园区" + id, DistrictId = district, Category = category, LandAreaHectares = hectares, LeadingIndustry = "x" };

    private static RenovationProject Project(string park, string kind, double hectares, DateOnly?[] actual, DateOnly? approvalPlanned = null, DateOnly? operationPlanned = null) => new()
    {
        ParkId = park,
        NameZh = "项目" + park + kind,
        Kind = kind,
        AreaHectares = hectares,
        Stages = [.. StageKind.For(kind).Select((k, i) => new ProjectStage
        {
            Kind = k, Order = i, ActualDate = actual[i],
            PlannedDate = i == 0 ? approvalPlanned ?? actual[i] : k == StageKind.Operation ? operationPlanned ?? actual[i] : actual[i],
        })],
    };

    [Fact]
    public async Task Renovated_area_counts_projects_whose_last_stage_is_done_per_district()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var renovated = await DistrictFigures.RenovatedHectaresAsync(db, ["baiyun", "huangpu", "tianhe"], CancellationToken.None);
        Assert.Equal(new Dictionary<string, double> { ["baiyun"] = 8, ["huangpu"] = 5 }, renovated);
    }

    [Fact]
    public async Task Parks_and_land_by_category_are_grouped_by_the_database()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var categories = await DistrictFigures.CategoriesAsync(db, ["baiyun"], CancellationToken.None);
        Assert.Equal([new CategoryCount(ParkCategory.Upgrade, 2, 30), new CategoryCount(null, 1, 3)], categories["baiyun"]);
    }

    [Fact]
    public async Task A_district_gets_its_target_its_stages_and_its_overdue_project()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var baiyun = await db.Jurisdictions.SingleAsync(j => j.Id == "baiyun");
        var figures = await DistrictFigures.LoadAsync(db, [baiyun], Today, monitoring: null, CancellationToken.None);
        var district = Assert.Single(figures.Districts);
        Assert.Equal(new RenovationArea(8, 14.98), district.Area);
        Assert.Equal((3, 1), (district.Parks, district.OverdueProjects));
        var overdue = Assert.Single(figures.Overdue);
        Assert.Equal(("b", StageKind.Approval, 7), (overdue.ParkId, overdue.Stage, overdue.DaysLate));
        // a is complete; b's least advanced project is at approval; c has none.
        Assert.Equal([new StageCount(StageKind.Approval, 1), new StageCount(ProjectProgress.Completed, 1), new StageCount(ProjectProgress.NoProject, 1)], figures.ByStage);
        Assert.Equal([false, true, false], figures.Parks.Select(p => p.Overdue));
    }

    [Fact]
    public async Task A_new_project_and_its_stages_are_audited_under_their_saved_keys()
    {
        await using var db = await _factory.CreateDbContextAsync();
        db.Actor = "someone";
        var project = Project("c", ParkCategory.Upgrade, 1, [null, null, null, null, null]);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var keys = await db.Audit.Where(a => a.Actor == "someone").Select(a => a.Key).ToListAsync();
        Assert.Contains($"project:{project.Id}", keys);
        Assert.Contains($"stage:{project.Id}/approval", keys);
    }
}
