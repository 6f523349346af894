using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;

namespace SmartPark.IntegrationTests.ParkDatabaseTests;

/// <summary>
/// A fresh park database per test on either provider: a new SQLite file, or a new database on
/// one private PostgreSQL server started for the run's <see cref="ParkDatabasesCollection"/>.
/// A test written once as <c>[Theory, MemberData(nameof(ParkDatabases.Providers), MemberType = typeof(ParkDatabases))]</c>
/// proves a behaviour on both, which is the point: what holds on SQLite must hold on PostgreSQL.
/// </summary>
public sealed class ParkDatabases : IAsyncLifetime
{
    private readonly string _sqliteDirectory = Directory.CreateTempSubdirectory("smartpark-parkdb-").FullName;
    private int _files;

    public static TheoryData<string> Providers => [ParkDatabaseProvider.Sqlite, ParkDatabaseProvider.Postgres];

    public PostgresServer Postgres { get; private set; } = null!;

    public async Task InitializeAsync() => Postgres = await PostgresServer.StartAsync();

    /// <summary>Options for a new, empty database (no tables yet) of <paramref name="provider"/>.</summary>
    public async Task<ParkDatabaseOptions> NewDatabaseAsync(string provider) => new()
    {
        Provider = provider,
        ConnectionString = provider switch
        {
            ParkDatabaseProvider.Sqlite => $"Data Source={Path.Combine(_sqliteDirectory, $"parks-{Interlocked.Increment(ref _files)}.db")}",
            ParkDatabaseProvider.Postgres => await Postgres.CreateDatabaseAsync("parks"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "not a park database provider"),
        },
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A new database of <paramref name="provider"/>, migrated and seeded as the Dashboard leaves it at start.</summary>
    public async Task<IDbContextFactory<ParkDbContext>> MigratedAsync(string provider) => await MigratedAsync(await NewDatabaseAsync(provider));

    /// <summary>Migrates and seeds the database <paramref name="options"/> name, as the Dashboard does at start.</summary>
    public static async Task<IDbContextFactory<ParkDbContext>> MigratedAsync(ParkDatabaseOptions options)
    {
        var factory = ParkDatabase.Factory(options);
        await ParkDatabase.MigrateAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        await JurisdictionSeed.EnsureAsync(db);
        return factory;
    }

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}

/// <summary>The classes sharing one <see cref="ParkDatabases"/> (xUnit runs them one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ParkDatabasesCollection : ICollectionFixture<ParkDatabases>
{
    public const string Name = "One PostgreSQL, a park database per test";
}
