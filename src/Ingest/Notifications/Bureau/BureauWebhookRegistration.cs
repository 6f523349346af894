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
        services.AddSingleton<WebhookSender>();
        // The per-request timeout is the sender's (RequestTimeout), not HttpClient's. Redirects are
        // not followed: a 3xx would send the signed alert on to wherever the answer points (http,
        // another host), so it is a failed delivery, logged with where it pointed.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services.AddAlertSink<BureauWebhookSink, BureauWebhookOptions>(configuration, BureauWebhookOptions.Section, BureauWebhookSink.Name, BureauWebhookSink.HealthCheckName);
    }
}
