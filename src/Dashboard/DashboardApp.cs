using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Efficiency;
using SmartPark.Dashboard.Emissions;
using SmartPark.Dashboard.History;
using SmartPark.Dashboard.Live;
using SmartPark.Dashboard.Overview;
using SmartPark.Dashboard.Pages;
using SmartPark.Dashboard.Quantities;
using SmartPark.Dashboard.Rectification;
using SmartPark.Dashboard.Safety;
using SmartPark.Dashboard.Security;
using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Access;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.Dashboard.Supervision.Sheets;
using SmartPark.ParkData.Registry;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Dashboard;

/// <summary>
/// Dashboard: MQTT → live state → SignalR groups per park; history from InfluxDB.
/// Settings: SMARTPARK_-prefixed environment and the command line; defaults work on one machine.
/// Built here rather than in Program so tests can host the real thing in-process.
/// </summary>
public static class DashboardApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot() });
        builder.AddSmartParkService(ServiceName.Dashboard);

        builder.Services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section))
            .ValidateOnStartWith<DashboardOptions, DashboardOptionsValidator>(DashboardOptions.Section);
        builder.Services.AddInfluxV1Client(builder.Configuration.GetSection("Influx"));
        builder.Services.AddSingleton<LiveState>();
        builder.Services.AddSingleton<AlertBook>();
        builder.Services.AddSingleton<ParkRuleSets>();
        // The park database (supervision: parks, projects, the district views). Optional. Before
        // the registry: its migrator is a hosted service that must run before the registry's first read.
        builder.Services.AddDashboardParkDatabase(builder.Configuration);
        // Right after: its users-file import is a hosted service that must run after the migration.
        builder.Services.AddSupervisionAccess(builder.Configuration);
        // The registry gives tiles their names, status and plan. Optional: without it, tiles show
        // what reports. From Registry:Path, else from the park database; watched only when configured.
        builder.Services.Configure<RegistryOptions>(builder.Configuration.GetSection("Registry"));
        var registryFromDatabase = builder.Services.AddRegistryFromParkDatabase(builder.Configuration);
        builder.Services.AddSingleton<RegistryProvider>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Registry:Path"]) || registryFromDatabase)
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RegistryProvider>());
        builder.Services.AddRegistryHealthCheck();
        builder.Services.AddDistrictSheets(builder.Configuration);
        builder.Services.AddQuarterlyReports(builder.Configuration);
        builder.Services.AddSupervisionViews(builder.Configuration);
        builder.Services.AddEfficiency(builder.Configuration);
        builder.Services.AddEmissions();
        builder.Services.AddRectification(builder.Configuration);
        builder.Services.AddSafetyView();
        builder.Services.AddSingleton<OverviewBuilder>();
        builder.Services.AddSingleton<DirtyTiles>();
        builder.Services.AddSingleton<PendingReadings>();
        builder.Services.AddHostedService<ReadingsPublisher>();
        builder.Services.AddHostedService<TilePublisher>();
        builder.Services.AddSingleton<AlertFeed>();
        builder.Services.AddSingleton<AlertAckPublisher>();
        builder.Services.AddTransient<AlertEventReader>();
        builder.Services.AddTransient<HistoryReader>();
        builder.Services.AddTransient<SeriesReader>();
        builder.Services.AddDashboardAuth();
        builder.Services.AddParkAccess();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<TelemetryListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryListener>());
        builder.Services.AddHealthChecks()
            .Add(new("broker", sp => new MqttConnectionHealthCheck(() => sp.GetRequiredService<TelemetryListener>().Connection), null, null))
            .AddInfluxReadiness();

        var app = builder.Build();
        // First, so every answer carries them: pages, APIs, static files, sign-in, 401s and errors.
        // HSTS is decided when the response starts, so the forwarded scheme set just below counts.
        app.UseMiddleware<SecurityHeaders>();
        app.UseDashboardWebSecurity();
        // Authentication before the static files: with the fallback policy, the page and its
        // scripts too need a signed-in user (only /signin and /healthz do not).
        app.UseAuthentication();
        app.UseAuthorization();
        // The safety role opens only its own pages (Safety/SafetyRoleGate); before the static files, so "/" sends it to /safety.
        app.UseSafetyRoleGate();
        app.UseAntiforgery();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapSmartParkService();
        app.MapAuth();
        app.MapPages();
        app.MapLive();
        app.MapHistory();
        app.MapAlerts();
        app.MapOverview();
        app.MapQuantities();
        app.MapDistrictSheets();
        app.MapQuarterlyReports();
        app.MapSupervision();
        app.MapSupervisionAccess();
        app.MapEfficiency();
        app.MapEmissions();
        app.MapRectification();
        app.MapSafety();
        return app;
    }

    /// <summary>The static files sit beside the assembly (published or referenced by tests).</summary>
    private static string WebRoot() => Path.Combine(AppContext.BaseDirectory, "wwwroot");
}
