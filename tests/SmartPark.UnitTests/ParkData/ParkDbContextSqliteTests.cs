using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;

namespace SmartPark.UnitTests.ParkData;

/// <summary>The save rules on a real SQLite file: versions, audit and the registry revision in one transaction.</summary>
public sealed class ParkDbContextSqliteTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parkdb-").FullName;
    private IDbContextFactory<ParkDbContext> _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });
        await ParkDatabase.MigrateAsync(_factory);
        await using var db = await _factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static Park Shimen() => new() { Id = "baiyun-shimen", NameZh = "石门工业园", DistrictId = "baiyun", LeadingIndustry = "printing" };

    [Fact]
    public async Task A_stale_edit_fails_instead_of_overwriting()
    {
        await using (var db = await _factory.CreateDbContextAsync())
        {
            db.Parks.Add(Shimen());
            await db.SaveChangesAsync();
        }
        await using var alice = await _factory.CreateDbContextAsync();
        await using var bob = await _factory.CreateDbContextAsync();
        var hers = await alice.Parks.SingleAsync();
        var his = await bob.Parks.SingleAsync();
        hers.LandAreaHectares = 12;
        await alice.SaveChangesAsync();
        his.LandAreaHectares = 30;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var check = await _factory.CreateDbContextAsync();
        var park = await check.Parks.SingleAsync();
        Assert.Equal((12.0, 1L), (park.LandAreaHectares, park.Version));
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_before_and_after_and_moves_the_registry_revision()
    {
        long revision;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            revision = (await db.RegistryRevisions.SingleAsync()).Number;
            db.Actor = "alice";
            db.Parks.Add(Shimen());
            await db.SaveChangesAsync();
            var park = await db.Parks.SingleAsync();
            park.NameEn = "Shimen Industrial Park";
            db.Actor = "bob";
            await db.SaveChangesAsync();
        }
        await using var check = await _factory.CreateDbContextAsync();
        var entries = await check.Audit.Where(a => a.Key == "park:baiyun-shimen").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["alice:created", "bob:updated"], entries.Select(e => $"{e.Actor}:{e.Action}"));
        Assert.Null(entries[0].Before);
        Assert.Contains("\"NameEn\":null", entries[1].Before);
        Assert.Contains("\"NameEn\":\"Shimen Industrial Park\"", entries[1].After);
        Assert.All(entries, e => Assert.Equal("baiyun-shimen", e.ParkId));
        Assert.Equal(revision + 2, (await check.RegistryRevisions.SingleAsync()).Number);
    }

    [Fact]
    public async Task The_plan_table_seeds_guangzhou_districts_and_qingyuan_keeps_its_two_hectare_rule()
    {
        await using var db = await _factory.CreateDbContextAsync();
        var baiyun = await db.Jurisdictions.SingleAsync(j => j.Id == "baiyun");
        Assert.Equal(("白云区", 59.90, 14.98), (baiyun.NameZh, baiyun.VillageIndustrialLandKm2, baiyun.RenovationTargetKm2));
        Assert.Equal(10, await db.Jurisdictions.CountAsync(j => j.CityId == "guangzhou"));
        Assert.All(await db.Jurisdictions.Where(j => j.CityId == "qingyuan").ToListAsync(), j => Assert.Equal(2, j.MinimumParkHectares));
        Assert.Equal(0, await JurisdictionSeed.EnsureAsync(db));
    }
}
