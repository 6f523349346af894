using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmartPark.Ingest.Notifications.Bureau;
using SmartPark.Ingest.Notifications.DingTalk;
using SmartPark.Ingest.Notifications.Duty;
using SmartPark.Ingest.Notifications.Email;
using SmartPark.Ingest.Notifications.Escalation;
using SmartPark.Ingest.Notifications.Feishu;
using SmartPark.Ingest.Notifications.Safety;
using SmartPark.Ingest.Notifications.Sms;
using SmartPark.Ingest.Notifications.WeCom;

namespace SmartPark.Ingest.Notifications;

public static class AlertSinksServiceCollectionExtensions
{
    /// <summary>
    /// Every notification channel Ingest has: the one list to extend when a channel is added.
    /// Each is off until its section names a receiver.
    /// </summary>
    public static IServiceCollection AddAlertSinks(this IServiceCollection services, IConfiguration configuration) => services
        .AddBureauWebhook(configuration)
        .AddWeComRobot(configuration)
        .AddDingTalkRobot(configuration)
        .AddFeishuRobot(configuration)
        .AddEmail(configuration)
        .AddSms(configuration)
        .AddSafetyWebhook(configuration)
        // After the sinks: escalates through the people sinks among them.
        .AddEscalation(configuration);

    /// <summary>
    /// Registers one sink: its options from <paramref name="section"/> (validated at start), the
    /// sink itself, its /healthz entry <paramref name="healthCheckName"/>, and — once for all
    /// sinks — <see cref="IAlertNotifier"/> (what the alert engine calls), the delivery loop and
    /// the reminder timer. <paramref name="name"/> names its metrics
    /// (<c>smartpark.ingest.&lt;name&gt;.*</c>) and outbox file (<c>&lt;name&gt;-outbox.db</c>).
    /// </summary>
    public static IServiceCollection AddAlertSink<TSink, TOptions>(this IServiceCollection services, IConfiguration configuration, string section, string name, string healthCheckName)
        where TSink : class, IAlertSink
        where TOptions : AlertSinkOptions
    {
        services.Configure<TOptions>(configuration.GetSection(section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, AlertSinkOptionsValidator<TOptions>>());
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddSingleton<TSink>();
        services.AddSingleton(new AlertSinkRegistration(name, healthCheckName, sp => sp.GetRequiredService<TSink>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckName, sp => new SinkHealthCheck(sp.GetRequiredService<AlertSinks>()[name]), null, null));
        return services.AddAlertSinkMachinery();
    }

    /// <summary>What all sinks share; safe to call once per sink.</summary>
    private static IServiceCollection AddAlertSinkMachinery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IEnterpriseDirectory, NoEnterpriseDirectory>();
        services.TryAddSingleton<IDutyRoster, RegistryDutyRoster>();
        services.TryAddSingleton<AlertSinks>();
        services.TryAddSingleton<AlertNotifier>();
        services.TryAddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<AlertNotifier>());
        services.TryAddSingleton<SinkDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<SinkDeliveryService>());
        services.TryAddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return services;
    }
}
