using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Safety;

public static class SafetyWebhookRegistration
{
    /// <summary>
    /// The authorities' receiver, from section <c>Safety:Webhook</c>: health <c>safety-webhook</c>, metrics
    /// <c>smartpark.ingest.safety.*</c>, outbox <c>safety-outbox.db</c>. Without a <c>Url</c> it is off.
    /// </summary>
    public static IServiceCollection AddSafetyWebhook(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SafetyPayloadBuilder>();
        SignedWebhookSender.AddHttpClient(services, SafetyWebhookSink.HttpClientName);
        return services.AddAlertSink<SafetyWebhookSink, SafetyWebhookOptions>(configuration, SafetyWebhookOptions.SectionName, SafetyWebhookSink.Name, SafetyWebhookSink.HealthCheckName);
    }
}
