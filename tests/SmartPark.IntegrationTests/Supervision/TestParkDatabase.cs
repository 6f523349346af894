using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// A fresh, migrated and seeded park database for one test, on the provider asked for: SQLite (a
/// file in a temporary folder) always; PostgreSQL when <c>SMARTPARK_TEST_POSTGRES</c> holds a
/// connection string to a server the test may create databases on (a database per test, dropped
/// after). Tests take the provider as a theory parameter from <see cref="Providers"/>.
/// </summary>
public sealed class TestParkDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SMARTPARK_TEST_POSTGRES";

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

    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { ParkDatabaseProvider.Sqlite };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
                providers.Add(ParkDatabaseProvider.Postgres);
            return providers;
        }
    }

    public static async Task<TestParkDatabase> CreateAsync(string provider)
    {
        var directory = Directory.CreateTempSubdirectory("smartpark-parkdb-").FullName;
        var options = provider switch
        {
            ParkDatabaseProvider.Sqlite => new ParkDatabaseOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(directory, "parks.db")}" },
            ParkDatabaseProvider.Postgres => new ParkDatabaseOptions
            {
                Provider = provider,
                ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable))
                { Database = $"smartpark_test_{Guid.NewGuid():N}" }.ConnectionString,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return await CreateAsync(options, directory);
    }

    /// <summary>A new SQLite file in a folder of its own.</summary>
    public static Task<TestParkDatabase> CreateSqliteAsync() => CreateAsync(ParkDatabaseProvider.Sqlite);

    /// <summary>Any provider, e.g. an empty PostgreSQL database a server fixture made.</summary>
    public static async Task<TestParkDatabase> CreateAsync(ParkDatabaseOptions options, string? directoryToDelete = null)
    {
        var database = new TestParkDatabase(options, directoryToDelete);
        await ParkDatabase.MigrateAsync(database.Factory);
        await using var db = await database.Factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == ParkDatabaseProvider.Postgres)
        {
            await using var db = await Factory.CreateDbContextAsync();
            await db.Database.EnsureDeletedAsync();
        }
        if (_directory is null)
            return;
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
}
