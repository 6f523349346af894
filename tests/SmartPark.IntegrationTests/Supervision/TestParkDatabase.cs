using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// A park database for one test: migrated and seeded with the jurisdictions, handed to the
/// Dashboard with <see cref="DashboardArgs"/>. SQLite in a temporary folder here; the provider
/// is a parameter so the same tests can run against a PostgreSQL server fixture.
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

    public string[] DashboardArgs => [$"--ParkDatabase:Provider={Options.Provider}", $"--ParkDatabase:ConnectionString={Options.ConnectionString}"];

    /// <summary>A new SQLite file in a folder of its own.</summary>
    public static Task<TestParkDatabase> CreateSqliteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("smartpark-parkdb-").FullName;
        return CreateAsync(new ParkDatabaseOptions { Provider = ParkDatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(directory, "parks.db")}" }, directory);
    }

    /// <summary>Any provider, e.g. an empty PostgreSQL database a server fixture made.</summary>
    public static async Task<TestParkDatabase> CreateAsync(ParkDatabaseOptions options, string? directoryToDelete = null)
    {
        var database = new TestParkDatabase(options, directoryToDelete);
        await ParkDatabase.MigrateAsync(database.Factory);
        await using var db = await database.Factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // a leftover temp folder is harmless
            }
        }
        return ValueTask.CompletedTask;
    }
}
