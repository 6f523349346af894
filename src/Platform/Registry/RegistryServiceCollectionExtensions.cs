using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts.Registry;

namespace SmartPark.Platform.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>The registry (section <c>Registry</c>) and the login cache. Add it before the services that read it.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<RegistryOptions>(section);
        services.AddSingleton<RegistryProvider>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryProvider>());
        services.AddSingleton<CredentialCache>(_ => new CredentialCache());
        return services;
    }
}
