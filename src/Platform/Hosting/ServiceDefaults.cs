using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// What every SmartPark service does the same way, written once: structured logs, <c>/healthz</c>,
/// Prometheus <c>/metrics</c>, a bounded, clean shutdown on SIGTERM, and secrets from systemd
/// credentials (<see cref="SystemdCredentials"/>).
/// </summary>
public static class ServiceDefaults
{
    /// <summary>Meters whose instruments every service exports; each service names its own.</summary>
    public const string MeterPrefix = "SmartPark.";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        // Secrets systemd passes (deploy/*/README.md): after the environment and the command line.
        builder.Configuration.AddSystemdCredentials();
        AddHealthAndLogging(builder);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterPrefix + "*")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Structured logs, health checks and the bounded SIGTERM shutdown, without Kestrel or the
    /// metrics pipeline: the edge agent's host (its 40 MB budget on a Pi has no room for them;
    /// it serves <c>/healthz</c> with <see cref="HealthListener"/> and reports its state over MQTT).
    /// </summary>
    public static IHostApplicationBuilder AddHealthAndLogging(this IHostApplicationBuilder builder)
    {
        ConfigureLogging(builder.Logging, builder.Configuration);

        // SIGTERM: stop accepting work, flush, and exit within this bound.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        builder.Services.AddHealthChecks();
        return builder;
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

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        // Open to probes and scrapers even where the rest of the app needs sign-in (Dashboard).
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = HealthBody.ContentType;
        return context.Response.WriteAsJsonAsync(HealthBody.From(report), PlatformJsonContext.Default.HealthBody);
    }
}
