using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.ParkData.Providers;

namespace SmartPark.ParkData;

public static class ParkDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The park database (section <c>ParkDatabase</c>): an <see cref="IDbContextFactory{ParkDbContext}"/>
    /// for the provider configured. Singletons and background loops ask the factory for a short-lived
    /// context; request handlers may too.
    /// </summary>
    public static IServiceCollection AddParkDatabase(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<ParkDatabaseOptions>(section);
        var options = section.Get<ParkDatabaseOptions>() ?? new ParkDatabaseOptions();
        services.AddSingleton<IDbContextFactory<ParkDbContext>>(_ => ParkDatabase.Factory(options));
        return services;
    }
}

/// <summary>Opens the park database for a provider and a connection string (services, commands and tests).</summary>
public static class ParkDatabase
{
    public static IDbContextFactory<ParkDbContext> Factory(ParkDatabaseOptions options)
    {
        if (!options.IsConfigured)
            throw new InvalidOperationException("ParkDatabase:ConnectionString is not set");
        return options.Provider switch
        {
            ParkDatabaseProvider.Sqlite => new ContextFactory<SqliteParkDbContext>(() => new SqliteParkDbContext(
                new DbContextOptionsBuilder<SqliteParkDbContext>().UseSqlite(Sqlite(options.ConnectionString!)).Options)),
            ParkDatabaseProvider.Postgres => new ContextFactory<PostgresParkDbContext>(() => new PostgresParkDbContext(
                new DbContextOptionsBuilder<PostgresParkDbContext>().UseNpgsql(options.ConnectionString).Options)),
            _ => throw new InvalidOperationException($"ParkDatabase:Provider must be one of {string.Join(", ", ParkDatabaseProvider.All)}, not '{options.Provider}'"),
        };
    }

    /// <summary>Creates the database if need be and applies the migrations it lacks.</summary>
    public static async Task MigrateAsync(IDbContextFactory<ParkDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the Dashboard write while Ingest and Uplink read the same file; the mode is
            // kept in the file, so setting it once here is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>A SQLite connection string with a busy timeout, so a reader waits out a writer's commit instead of failing.</summary>
    private static string Sqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 10)
            builder.DefaultTimeout = 10;
        return builder.ToString();
    }

    private sealed class ContextFactory<TContext>(Func<TContext> create) : IDbContextFactory<ParkDbContext>
        where TContext : ParkDbContext
    {
        public ParkDbContext CreateDbContext() => create();
    }
}
