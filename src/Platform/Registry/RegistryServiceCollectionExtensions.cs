using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Hosting;

namespace SmartPark.Platform.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// The registry (section <c>Registry</c>), the login cache and the registry's readiness check.
    /// Add it before the services that read it. The registry comes from <c>Registry:Path</c> when
    /// set, else from an <see cref="IRegistrySource"/> registered before (the park database).
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<RegistryOptions>(section);
        services.AddSingleton<RegistryProvider>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryProvider>());
        services.AddSingleton<CredentialCache>(_ => new CredentialCache());
        services.AddRegistryHealthCheck();
        return services;
    }

    /// <summary>Readiness reports the registry's source (<see cref="RegistryHealthCheck"/>); <c>/healthz</c> does not run it.</summary>
    public static IServiceCollection AddRegistryHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<RegistryHealthCheck>("registry", tags: [HealthEndpoints.ReadinessOnly]);
        return services;
    }
}
