using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>A migrated and seeded park database in a SQLite file of its own, deleted afterwards.</summary>
internal sealed class SqliteParkDatabase : IAsyncDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("parkdb-yaml-").FullName;

    private SqliteParkDatabase()
    {
        Factory = ParkDatabase.Factory(new ParkDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "parks.db")}" });
    }

    public IDbContextFactory<ParkDbContext> Factory { get; }

    public string Directory => _directory;

    public static async Task<SqliteParkDatabase> CreateAsync()
    {
        var database = new SqliteParkDatabase();
        await ParkDatabase.MigrateAsync(database.Factory);
        await using var db = await database.Factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
