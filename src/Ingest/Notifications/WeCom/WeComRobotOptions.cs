using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.Ingest.Notifications.WeCom;

/// <summary>
/// Section <c>Notifications:WeCom</c>: a WeChat Work (企业微信) group robot that tells a duty group
/// about alerts, and which alerts. The robot's address carries its key, so it is a secret: it is
/// never logged and belongs in a secret store (systemd credential, environment), not in a file.
/// </summary>
public sealed class WeComRobotOptions : RoutedSinkOptions
{
    public const string SectionName = "Notifications:WeCom";

    public WeComRobotOptions()
    {
        OutboxDirectory = Path.Combine("data", "wecom");
        // The robot accepts 20 messages a minute; more are refused (errcode 45009).
        RateLimit = 20;
        RateWindow = TimeSpan.FromMinutes(1);
        InitialBackoff = TimeSpan.FromSeconds(5);
        RequestTimeout = TimeSpan.FromSeconds(15);
    }

    public override string Title => "WeChat Work robot";

    protected override string Section => SectionName;

    /// <summary>The robot's webhook, <c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</c>.
    /// Empty (the default) disables the sink.</summary>
    public Uri? Url { get; set; }

    /// <summary>Allow a plain-http <see cref="Url"/>: only for a test receiver on loopback.</summary>
    public bool AllowHttp { get; set; }

    public override bool Enabled => Url is not null && Url.OriginalString.Length > 0;

    public override string? Problem()
    {
        // Never the address itself: its query is the robot's key.
        if (Url is not { IsAbsoluteUri: true } || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
            return "Notifications:WeCom:Url is not an absolute http(s) address";
        if (Url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
            return "Notifications:WeCom:Url is plain http, so the robot key would cross the network in clear: use https, or set Notifications:WeCom:AllowHttp=true for a test receiver";
        if (!Url.Query.Contains("key=", StringComparison.Ordinal))
            return "Notifications:WeCom:Url has no key=… query: copy the robot's whole webhook address from the group's robot settings";
        return RouteProblem();
    }
}
