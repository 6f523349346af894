using Microsoft.Extensions.Options;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Hosting;

namespace SmartPark.BureauPlatform;

/// <summary>The simulated bureau platform; built here so tests can host it in-process.</summary>
public static class BureauPlatformApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Not AddSmartParkService: a simulator with its own /healthz and console summary; it shares
        // the environment and the port table only.
        builder.Configuration.AddSmartParkEnvironment();
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? DefaultPorts.DefaultUrlOf(ServiceName.BureauPlatform));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.Configure<PlatformOptions>(builder.Configuration.GetSection(PlatformOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new FrameLog(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.DataDirectory));
        builder.Services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.RegistryPath;
            return new PlatformRegistry(string.IsNullOrWhiteSpace(path) ? null : RegistryLoader.Load(path));
        });
        builder.Services.AddSingleton(sp => new FrameJudge(sp.GetRequiredService<PlatformRegistry>().Registry));
        builder.Services.AddSingleton(sp => new EmissionJudge(sp.GetRequiredService<PlatformRegistry>().Registry, sp.GetRequiredService<IOptions<PlatformOptions>>().Value));
        builder.Services.AddSingleton<PlatformServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PlatformServer>());
        builder.Services.AddHostedService<ConsoleSummary>();
        var app = builder.Build();
        app.MapPlatform();
        return app;
    }
}

/// <summary>The registry the platform checks frames against (optional: <see cref="PlatformOptions.RegistryPath"/>).</summary>
public sealed record PlatformRegistry(ParkRegistry? Registry);
