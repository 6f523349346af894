using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Broker;
using SmartPark.Ingest.Consumer;
using SmartPark.Ingest.Consumption;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Rollups;
using SmartPark.Ingest.Storage;
using SmartPark.ParkData.Registry;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest;

/// <summary>
/// Ingest: embedded broker (unless EmbeddedBroker:Enabled=false) → validate → alert rules, InfluxDB → rollups, consumption.
/// Settings come from the environment (SMARTPARK_ prefix, e.g. SMARTPARK_Influx__Url) and the
/// command line (--Influx:Url=...), which wins; every option has a working default for one machine
/// and is checked at start. Hosting (port, logs, health, metrics, clock): ServiceDefaults.
/// Built here rather than in Program so tests can host the real thing in-process.
/// </summary>
public static class IngestApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSmartParkService(ServiceName.Ingest);

        builder.Services.AddOptions<EmbeddedBrokerOptions>().Bind(builder.Configuration.GetSection(EmbeddedBrokerOptions.Section))
            .ValidateOnStartWith<EmbeddedBrokerOptions, EmbeddedBrokerOptionsValidator>(EmbeddedBrokerOptions.Section);
        builder.Services.AddOptions<IngestOptions>().Bind(builder.Configuration.GetSection(IngestOptions.Section))
            .ValidateOnStartWith<IngestOptions, IngestOptionsValidator>(IngestOptions.Section);
        builder.Services.AddOptions<RollupOptions>().Bind(builder.Configuration.GetSection(RollupOptions.Section))
            .ValidateOnStartWith<RollupOptions, RollupOptionsValidator>(RollupOptions.Section);
        builder.Services.AddOptions<ConsumptionOptions>().Bind(builder.Configuration.GetSection(ConsumptionOptions.Section))
            .ValidateOnStartWith<ConsumptionOptions, ConsumptionOptionsValidator>(ConsumptionOptions.Section);
        builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section))
            .ValidateOnStartWith<AlertOptions, AlertOptionsValidator>(AlertOptions.Section);
        // Permit limits come from the registry in force, read when rules are resolved.
        builder.Services.AddSingleton(sp => RuleBook.FromConfiguration(builder.Configuration.GetSection(AlertOptions.Section), () => sp.GetRequiredService<RegistryProvider>().Current));
        builder.Services.AddSingleton<RegistryEnterprises>();
        builder.Services.AddSingleton<IEnterpriseStatus>(sp => sp.GetRequiredService<RegistryEnterprises>());
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddInfluxV1Client(builder.Configuration.GetSection("Influx"));
        // The registry from Registry:Path, else from the park database (polled; the Dashboard migrates it).
        builder.Services.AddRegistryFromParkDatabase(builder.Configuration);
        builder.Services.AddRegistry(builder.Configuration.GetSection(RegistryOptions.Section));
        builder.Services.AddSingleton<BrokerAccessControl>();
        // Enterprise details for notifications, from the registry in force.
        builder.Services.AddSingleton<IEnterpriseDirectory>(sp => sp.GetRequiredService<RegistryEnterprises>());
        // IAlertNotifier for the alert engine: every notification channel (bureau webhook, WeChat Work
        // robot, …), each with a durable outbox, retried with back-off, rate-limited.
        builder.Services.AddAlertSinks(builder.Configuration);

        // Start order registry → broker → writer → consumer; the host stops them in reverse, so the consumer
        // stops taking messages first and the broker goes last.
        builder.Services.AddSingleton<EmbeddedBroker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        builder.Services.AddSingleton<InfluxBatchWriter>();
        // Before the writer starts: it listens to every point the writer stores.
        builder.Services.AddSingleton<RollupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RollupService>());
        builder.Services.AddSingleton<ConsumptionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsumptionService>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InfluxBatchWriter>());
        builder.Services.AddSingleton<ParkRulesPublisher>();
        builder.Services.AddSingleton<AlertEngine>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertEngine>());
        builder.Services.AddSingleton<UnregisteredReadings>();
        builder.Services.AddSingleton<TelemetryConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryConsumer>());
        // The embedded broker hands telemetry to the consumer's pipeline through this, and PUBACKs once durable.
        builder.Services.AddSingleton<TelemetryIntake>();

        builder.Services.AddHealthChecks()
            .AddCheck<InfluxHealthCheck>("influxdb")
            .Add(new("broker", sp => new MqttConnectionHealthCheck(() => sp.GetRequiredService<TelemetryConsumer>().Connection), null, null))
            .AddCheck<AlertConnectionHealthCheck>("alert-broker", tags: [HealthEndpoints.ReadinessOnly]);

        var app = builder.Build();
        app.MapSmartParkService();
        return app;
    }
}
