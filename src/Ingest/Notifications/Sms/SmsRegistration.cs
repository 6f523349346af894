namespace SmartPark.Ingest.Notifications.Sms;

public static class SmsRegistration
{
    /// <summary>
    /// Text messages through an HTTP SMS gateway, from section <c>Notifications:Sms</c>: health
    /// <c>sms-gateway</c>, metrics <c>smartpark.ingest.sms.*</c>, outbox <c>sms-outbox.db</c>.
    /// Without a <c>Url</c> it is off and nothing touches the disk.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SmsSender>();
        // No redirects (the credential would follow the message elsewhere), and no request logging by
        // the client factory: its lines name the address, which may carry a key.
        services.AddHttpClient(SmsSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services.AddAlertSink<SmsSink, SmsOptions>(configuration, SmsOptions.SectionName, SmsSink.Name, SmsSink.HealthCheckName);
    }
}
