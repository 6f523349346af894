using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.ParkData;
using SmartPark.ParkData.Seeding;

namespace SmartPark.Dashboard.Supervision;

/// <summary>
/// The Dashboard owns the park database's schema: with <c>ParkDatabase:ConnectionString</c> set it
/// applies the migrations and seeds the jurisdictions before it serves (so Ingest and Uplink, which
/// only read, always find the tables). Without it the supervision pages answer 404 and the rest of
/// the Dashboard works as before.
/// </summary>
public static class ParkDatabaseSetup
{
    public static IServiceCollection AddDashboardParkDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ParkDatabaseOptions.Section);
        if (string.IsNullOrWhiteSpace(section["ConnectionString"]))
            return services;
        services.AddParkDatabase(section);
        services.AddHostedService<ParkDatabaseMigrator>();
        return services;
    }

    /// <summary>True when this Dashboard has a park database.</summary>
    public static bool HasParkDatabase(this IServiceProvider services) =>
        services.GetService<IDbContextFactory<ParkDbContext>>() is not null;
}

/// <summary>Migrates and seeds at start; a database that cannot be migrated stops the Dashboard with the reason.</summary>
internal sealed class ParkDatabaseMigrator(IDbContextFactory<ParkDbContext> factory, IOptions<ParkDatabaseOptions> options, ILogger<ParkDatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ParkDatabase.MigrateAsync(factory, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var seeded = await JurisdictionSeed.EnsureAsync(db, cancellationToken);
        logger.LogInformation("Park database ({Provider}) migrated; {Seeded} jurisdictions seeded", options.Value.Provider, seeded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
