using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// What every SmartPark service does the same way, written once: the <c>SMARTPARK_</c> environment
/// (<see cref="SmartParkEnvironment"/>), its HTTP address from <see cref="DefaultPorts"/> unless
/// <c>Urls</c> says otherwise, structured logs, health with liveness and readiness apart
/// (<see cref="HealthEndpoints"/>), Prometheus <c>/metrics</c>, one <see cref="TimeProvider"/>, a
/// bounded, clean shutdown on SIGTERM, and secrets from systemd credentials
/// (<see cref="SystemdCredentials"/>). Each service's settings sections are validated at start
/// where it registers them (<see cref="ValidatedOptions"/>).
/// </summary>
public static class ServiceDefaults
{
    /// <summary>Meters whose instruments every service exports; each service names its own.</summary>
    public const string MeterPrefix = "SmartPark.";

    /// <summary>The whole hosting set-up of an ASP.NET Core service; then <see cref="MapSmartParkService"/> on the app.</summary>
    public static WebApplicationBuilder AddSmartParkService(this WebApplicationBuilder builder, ServiceName service)
    {
        builder.Configuration.AddSmartParkEnvironment();
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? DefaultPorts.DefaultUrlOf(service));
        // Secrets systemd passes (deploy/*/README.md): after the environment and the command line.
        builder.Configuration.AddSystemdCredentials();
        AddHostBasics(builder);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterPrefix + "*")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// The edge agent's slimmer set-up: the same environment, logs, health, time and shutdown,
    /// without Kestrel or the metrics pipeline (its 40 MB budget on a Pi has no room for them; it
    /// serves health with <see cref="HealthListener"/> and reports its state over MQTT). The old
    /// unprefixed <c>Agent__…</c> variables still count, with a warning (<see cref="LegacyAgentEnvironment"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSmartParkAgentHost(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddSmartParkEnvironment();
        AddHostBasics(builder);
        var legacy = LegacyAgentEnvironment.Find(Environment.GetEnvironmentVariables());
        builder.Services.AddHostedService(sp => new LegacyAgentEnvironment(legacy, sp.GetRequiredService<ILogger<LegacyAgentEnvironment>>()));
        builder.Services.AddHealthListener(builder.Configuration["Urls"] ?? DefaultPorts.DefaultUrlOf(ServiceName.EdgeAgent));
        return builder;
    }

    /// <summary>Logs, the SIGTERM bound, health checks and the clock: what both hosts share.</summary>
    private static void AddHostBasics(IHostApplicationBuilder builder)
    {
        ConfigureLogging(builder.Logging, builder.Configuration);

        // SIGTERM: stop accepting work, flush, and exit within this bound.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        builder.Services.AddHealthChecks();
        // One clock for the whole service; tests replace it by registering theirs first.
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>Logs as JSON (one object a line) when output goes to a file or collector, as
    /// single lines when a person watches a terminal; <c>Logging:Console:FormatterName</c> overrides.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        // Quiet framework chatter unless configuration asks for it.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        var formatter = configuration["Logging:Console:FormatterName"];
        if (formatter == "json" || (formatter is null && Console.IsOutputRedirected))
        {
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
                o.IncludeScopes = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.IncludeScopes = true;
            });
        }
    }

    /// <summary>Health (<see cref="HealthEndpoints"/>) and <c>/metrics</c>, open to probes and
    /// scrapers even where the rest of the app needs sign-in (Dashboard).</summary>
    public static WebApplication MapSmartParkService(this WebApplication app)
    {
        foreach (var path in HealthEndpoints.Paths)
        {
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = HealthEndpoints.ChecksOf(path), ResponseWriter = WriteHealthAsync })
                .AllowAnonymous();
        }
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = HealthBody.ContentType;
        return context.Response.WriteAsJsonAsync(HealthBody.From(report), PlatformJsonContext.Default.HealthBody);
    }
}
