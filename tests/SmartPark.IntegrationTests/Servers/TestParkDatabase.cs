using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>
/// A real, empty park database for one test, migrated and with the jurisdictions seeded, that a
/// Dashboard is pointed at with <see cref="DashboardArgs"/>. By provider name, so a test written
/// as a theory over <see cref="Providers"/> runs against each database SQLite and PostgreSQL
/// alike (SQLite here: a file in a temporary folder; PostgreSQL is added with its server).
/// </summary>
public sealed class TestParkDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private TestParkDatabase(string provider, string connectionString, Func<ValueTask> dispose)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dispose = dispose;
        Factory = ParkData.ParkDatabase.Factory(new ParkDatabaseOptions { Provider = provider, ConnectionString = connectionString });
    }

    /// <summary>The providers the database tests run against.</summary>
    public static TheoryData<string> Providers => new() { ParkDatabaseProvider.Sqlite };

    public string Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<ParkDbContext> Factory { get; }

    public string[] DashboardArgs => [$"--ParkDatabase:Provider={Provider}", $"--ParkDatabase:ConnectionString={ConnectionString}"];

    public static async Task<TestParkDatabase> CreateAsync(string provider)
    {
        TestParkDatabase database;
        switch (provider)
        {
            case ParkDatabaseProvider.Sqlite:
                var dir = Directory.CreateTempSubdirectory("smartpark-parkdb-").FullName;
                database = new TestParkDatabase(provider, $"Data Source={Path.Combine(dir, "parks.db")}", () =>
                {
                    SqliteConnection.ClearAllPools();
                    try
                    {
                        Directory.Delete(dir, recursive: true);
                    }
                    catch (IOException)
                    {
                        // a leftover temp folder is harmless
                    }
                    return ValueTask.CompletedTask;
                });
                break;
            default:
                throw new ArgumentException($"no test database for provider '{provider}'", nameof(provider));
        }
        await ParkData.ParkDatabase.MigrateAsync(database.Factory);
        await using var db = await database.Factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        return database;
    }

    /// <summary>
    /// The parks the Dashboard tests use, placed in districts: <c>p-a</c> and <c>p-live</c> in
    /// Baiyun, <c>p-b</c> in Huadu (both Guangzhou), <c>baiyun-shimen</c> in Baiyun; each with an
    /// enterprise <c>e1</c>.
    /// </summary>
    public async Task SeedStandardAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Actor = "test-seed";
        foreach (var (park, district) in new[] { ("p-a", "baiyun"), ("p-live", "baiyun"), ("p-b", "huadu"), ("baiyun-shimen", "baiyun") })
        {
            db.Parks.Add(new Park { Id = park, NameZh = "园区 " + park, NameEn = "Park " + park, DistrictId = district, LeadingIndustry = "家具", LandAreaHectares = 12 });
            db.Enterprises.Add(new Enterprise { ParkId = park, Id = "e1", NameZh = "企业一", Industry = "家具" });
        }
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _dispose();
}
