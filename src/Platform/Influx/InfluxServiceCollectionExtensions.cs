using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SmartPark.Platform.Influx;

public static class InfluxServiceCollectionExtensions
{
    /// <summary>Registers <see cref="InfluxV1Client"/> on a factory-managed HttpClient, bound to <paramref name="section"/>.</summary>
    public static IServiceCollection AddInfluxV1Client(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<InfluxOptions>(section);
        services.AddHttpClient(nameof(InfluxV1Client)).AddTypedClient((http, sp) =>
            new InfluxV1Client(http, sp.GetRequiredService<IOptions<InfluxOptions>>().Value));
        return services;
    }
}
