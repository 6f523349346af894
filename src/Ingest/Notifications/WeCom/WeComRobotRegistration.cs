using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartPark.Ingest.Notifications.Wording;

namespace SmartPark.Ingest.Notifications.WeCom;

public static class WeComRobotRegistration
{
    /// <summary>
    /// The WeChat Work robot sink, from section <c>Notifications:WeCom</c>: health
    /// <c>wecom-robot</c>, metrics <c>smartpark.ingest.wecom.*</c>, outbox <c>wecom-outbox.db</c>.
    /// Without a <c>Url</c> it is off and nothing touches the disk.
    /// </summary>
    public static IServiceCollection AddWeComRobot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<AlertDescriber>();
        services.AddSingleton<WeComMarkdown>();
        services.AddSingleton<WeComRobotSender>();
        // No redirects (the key would follow the message elsewhere), and no request logging by
        // the client factory: its lines name the address, and the address is the key.
        services.AddHttpClient(WeComRobotSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services.AddAlertSink<WeComRobotSink, WeComRobotOptions>(configuration, WeComRobotOptions.SectionName, WeComRobotSink.Name, WeComRobotSink.HealthCheckName);
    }
}
