using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;

namespace SmartPark.Platform.Influx;

public static class InfluxServiceCollectionExtensions
{
    /// <summary>Registers <see cref="InfluxV1Client"/> on a factory-managed HttpClient, bound to <paramref name="section"/>.</summary>
    public static IServiceCollection AddInfluxV1Client(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<InfluxOptions>().Bind(section)
            .ValidateOnStartWith<InfluxOptions, InfluxOptionsValidator>((section as IConfigurationSection)?.Path ?? "Influx");
        services.AddHttpClient(nameof(InfluxV1Client)).AddTypedClient((http, sp) =>
            new InfluxV1Client(http, sp.GetRequiredService<IOptions<InfluxOptions>>().Value));
        return services;
    }

    /// <summary>Readiness of a service that reads InfluxDB: unhealthy while it does not answer a ping.</summary>
    public static IHealthChecksBuilder AddInfluxReadiness(this IHealthChecksBuilder health) =>
        health.AddCheck<InfluxReadinessCheck>("influxdb", tags: [HealthEndpoints.ReadinessOnly]);
}
