using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

public static class BureauNotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBureauNotifier"/> (what the alert engine calls), the outbox, the
    /// delivery loop and the reminder timer, from section <c>Bureau:Webhook</c>. Without a
    /// <c>Url</c> the notifier is a no-op and nothing touches the disk. Register an
    /// <see cref="IEnterpriseDirectory"/> before or after this to add registry details to payloads.
    /// </summary>
    public static IServiceCollection AddBureauNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BureauWebhookOptions>(configuration.GetSection(BureauWebhookOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BureauWebhookOptions>, BureauWebhookOptionsValidator>());
        services.AddOptions<BureauWebhookOptions>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<IEnterpriseDirectory, NoEnterpriseDirectory>();
        services.AddSingleton<BureauMetrics>();
        services.AddSingleton<BureauPayloadBuilder>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new Backoff(sp.GetRequiredService<IOptions<BureauWebhookOptions>>().Value));
        services.AddSingleton<WebhookSender>();
        // The per-request timeout is the sender's (RequestTimeout), not HttpClient's. Redirects are
        // not followed: a 3xx would send the signed alert on to wherever the answer points (http,
        // another host), so it is a failed delivery, logged with where it pointed.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Opened on first use, which happens only when the webhook is enabled.
        services.AddSingleton(sp => BureauOutbox.Open(sp.GetRequiredService<IOptions<BureauWebhookOptions>>().Value.OutboxDirectory));
        services.AddSingleton<IBureauNotifier>(sp => sp.GetRequiredService<IOptions<BureauWebhookOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<BureauNotifier>(sp)
            : new DisabledBureauNotifier());
        services.AddSingleton<BureauDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<BureauDeliveryService>());
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddHealthChecks().AddCheck<BureauWebhookHealthCheck>("bureau-webhook");
        return services;
    }
}
