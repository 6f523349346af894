using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Seeding;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// A fresh, migrated and seeded park database for one test, on the provider asked for: SQLite (a
/// file in a temporary folder) or PostgreSQL (a database of its own on the run's one private
/// server, <see cref="SharedPostgres"/>). Tests take the provider as a theory parameter from
/// <see cref="Providers"/>, so what holds on one database is shown to hold on the other.
/// </summary>
public sealed class TestParkDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private TestParkDatabase(ParkDatabaseOptions options, string? directory)
    {
        Options = options;
        _directory = directory;
        Factory = ParkDatabase.Factory(options);
    }

    public ParkDatabaseOptions Options { get; }

    public IDbContextFactory<ParkDbContext> Factory { get; }

    /// <summary>The arguments that point a Dashboard at this database.</summary>
    public string[] DashboardArgs => [$"--ParkDatabase:Provider={Options.Provider}", $"--ParkDatabase:ConnectionString={Options.ConnectionString}"];

    public static TheoryData<string> Providers => [ParkDatabaseProvider.Sqlite, ParkDatabaseProvider.Postgres];

    public static async Task<TestParkDatabase> CreateAsync(string provider)
    {
        switch (provider)
        {
            case ParkDatabaseProvider.Sqlite:
                var directory = Directory.CreateTempSubdirectory("smartpark-parkdb-").FullName;
                return await CreateAsync(new ParkDatabaseOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(directory, "parks.db")}" }, directory);
            case ParkDatabaseProvider.Postgres:
                var server = await SharedPostgres.GetAsync();
                return await CreateAsync(new ParkDatabaseOptions { Provider = provider, ConnectionString = await server.CreateDatabaseAsync("parks") });
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "not a park database provider");
        }
    }

    /// <summary>A new SQLite file in a folder of its own.</summary>
    public static Task<TestParkDatabase> CreateSqliteAsync() => CreateAsync(ParkDatabaseProvider.Sqlite);

    /// <summary>Any provider, e.g. an empty database a server fixture made.</summary>
    public static async Task<TestParkDatabase> CreateAsync(ParkDatabaseOptions options, string? directoryToDelete = null)
    {
        var database = new TestParkDatabase(options, directoryToDelete);
        await ParkDatabase.MigrateAsync(database.Factory);
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

    public ValueTask DisposeAsync()
    {
        // A PostgreSQL database goes with its server at the end of the run.
        if (_directory is null)
            return ValueTask.CompletedTask;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        return ValueTask.CompletedTask;
    }
}
