using Microsoft.Extensions.Options;
using SmartPark.ParkData.Registry;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Storage;
using SmartPark.Uplink.Telemetry;

namespace SmartPark.Uplink;

/// <summary>
/// The HJ 212 uplink: one hosted service beside Ingest and the Dashboard. It reads the registry's
/// monitoring points, telemetry from the broker and rollups from InfluxDB, and talks to the
/// bureau's platform over TCP. Settings: SMARTPARK_-prefixed environment and the command line.
/// Built here rather than in Program so tests can host the real thing in-process.
/// </summary>
public static class UplinkApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSmartParkService(ServiceName.Uplink);

        builder.Services.AddOptions<UplinkOptions>().Bind(builder.Configuration.GetSection(UplinkOptions.Section))
            .ValidateOnStartWith<UplinkOptions, UplinkOptionsValidator>(UplinkOptions.Section);
        // The registry from Registry:Path, else from the park database (polled; the Dashboard migrates it).
        builder.Services.AddRegistryFromParkDatabase(builder.Configuration);
        builder.Services.AddRegistry(builder.Configuration.GetSection(RegistryOptions.Section));
        builder.Services.AddInfluxV1Client(builder.Configuration.GetSection("Influx"));
        builder.Services.AddSingleton<UplinkMetrics>();
        builder.Services.AddSingleton(sp => new PeriodClock(sp.GetRequiredService<IOptions<UplinkOptions>>().Value.UtcOffset));
        builder.Services.AddSingleton(sp => UplinkStore.Open(sp.GetRequiredService<IOptions<UplinkOptions>>().Value.StateDirectory));
        builder.Services.AddSingleton<RollupReader>();
        builder.Services.AddSingleton<PeriodReporter>();
        builder.Services.AddSingleton<LatestReadings>();
        builder.Services.AddSingleton<TelemetrySubscriber>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetrySubscriber>());
        builder.Services.AddSingleton<UplinkService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UplinkService>());

        builder.Services.AddHealthChecks()
            .Add(new("broker", sp => new MqttConnectionHealthCheck(() => sp.GetRequiredService<TelemetrySubscriber>().Connection), null, null))
            .AddCheck<UplinkHealthCheck>("platforms")
            .AddInfluxReadiness();

        var app = builder.Build();
        app.MapSmartParkService();
        return app;
    }
}
