using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.Registry;

public static class RegistryFromDatabase
{
    /// <summary>
    /// Makes the park database the registry's source when <c>ParkDatabase:ConnectionString</c> is set
    /// and <c>Registry:Path</c> is not (a file, when given, still wins). Call it before
    /// <c>AddRegistry</c>'s provider is first resolved. Returns whether it did.
    /// </summary>
    public static bool AddRegistryFromParkDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ParkDatabaseOptions.Section);
        if (string.IsNullOrWhiteSpace(section["ConnectionString"]) || !string.IsNullOrWhiteSpace(configuration["Registry:Path"]))
            return false;
        // The Dashboard registers the park database itself (and migrates it); Ingest and Uplink only read it.
        if (!services.Any(s => s.ServiceType == typeof(Microsoft.EntityFrameworkCore.IDbContextFactory<ParkDbContext>)))
            services.AddParkDatabase(section);
        services.TryAddSingleton<IRegistrySource, DatabaseRegistrySource>();
        return true;
    }
}
