using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.DingTalk;

public static class DingTalkRobotRegistration
{
    /// <summary>
    /// The DingTalk robot sink, from section <c>Notifications:DingTalk</c>: health
    /// <c>dingtalk-robot</c>, metrics <c>smartpark.ingest.dingtalk.*</c>, outbox <c>dingtalk-outbox.db</c>.
    /// Without a <c>Url</c> it is off and nothing touches the disk.
    /// </summary>
    public static IServiceCollection AddDingTalkRobot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<AlertDescriber>();
        services.AddSingleton<DingTalkMarkdown>();
        services.AddSingleton<DingTalkRobotSender>();
        // No redirects (the token would follow the message elsewhere), and no request logging by
        // the client factory: its lines name the address, and the address holds the token.
        services.AddHttpClient(DingTalkRobotSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services.AddAlertSink<DingTalkRobotSink, DingTalkRobotOptions>(configuration, DingTalkRobotOptions.SectionName, DingTalkRobotSink.Name, DingTalkRobotSink.HealthCheckName);
    }
}
