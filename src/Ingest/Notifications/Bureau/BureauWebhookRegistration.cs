using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Bureau;

public static class BureauWebhookRegistration
{
    /// <summary>
    /// The bureau webhook sink, from section <c>Bureau:Webhook</c>: health <c>bureau-webhook</c>,
    /// metrics <c>smartpark.ingest.bureau.*</c>, outbox <c>bureau-outbox.db</c>. Without a
    /// <c>Url</c> it is off and nothing touches the disk. Register an
    /// <see cref="IEnterpriseDirectory"/> before or after this to add registry details to payloads.
    /// </summary>
    public static IServiceCollection AddBureauWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BureauPayloadBuilder>();
        SignedWebhookSender.AddHttpClient(services, BureauWebhookSink.HttpClientName);
        return services.AddAlertSink<BureauWebhookSink, BureauWebhookOptions>(configuration, BureauWebhookOptions.Section, BureauWebhookSink.Name, BureauWebhookSink.HealthCheckName);
    }
}
