using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.Feishu;

public static class FeishuRobotRegistration
{
    /// <summary>
    /// The Feishu robot sink, from section <c>Notifications:Feishu</c>: health <c>feishu-robot</c>,
    /// metrics <c>smartpark.ingest.feishu.*</c>, outbox <c>feishu-outbox.db</c>. Without a <c>Url</c>
    /// it is off and nothing touches the disk.
    /// </summary>
    public static IServiceCollection AddFeishuRobot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<AlertDescriber>();
        services.AddSingleton<FeishuCard>();
        services.AddSingleton<FeishuRobotSender>();
        // No redirects (the token would follow the message elsewhere), and no request logging by
        // the client factory: its lines name the address, and the address holds the token.
        services.AddHttpClient(FeishuRobotSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services.AddAlertSink<FeishuRobotSink, FeishuRobotOptions>(configuration, FeishuRobotOptions.SectionName, FeishuRobotSink.Name, FeishuRobotSink.HealthCheckName);
    }
}
