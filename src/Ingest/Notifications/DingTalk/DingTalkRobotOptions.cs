using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>
/// Section <c>Notifications:DingTalk</c>: a DingTalk (钉钉) custom group robot that tells a duty group
/// about alerts, and which alerts. Its address carries the robot's <c>access_token</c> and its
/// <see cref="Secret"/> signs every message, so both are secrets: never logged, and kept in a secret
/// store (systemd credential, environment), not in a file.
/// </summary>
public sealed class DingTalkRobotOptions : RoutedSinkOptions
{
    public const string SectionName = "Notifications:DingTalk";

    public DingTalkRobotOptions()
    {
        OutboxDirectory = Path.Combine("data", "dingtalk");
        // "每个机器人每分钟最多发送20条", and a robot that sends more is throttled for ten minutes
        // (errcode 130101): never more than 20 in any minute.
        RateLimit = 20;
        RateWindow = TimeSpan.FromMinutes(1);
        InitialBackoff = TimeSpan.FromSeconds(5);
        RequestTimeout = TimeSpan.FromSeconds(15);
    }

    public override string Title => "DingTalk robot";

    protected override string Section => SectionName;

    /// <summary>The robot's webhook, <c>https://oapi.dingtalk.com/robot/send?access_token=…</c>.
    /// Empty (the default) disables the sink.</summary>
    public Uri? Url { get; set; }

    /// <summary>The "加签" secret (<c>SEC…</c>) from the robot's security settings. Empty: messages go
    /// unsigned, for a robot secured by keywords or an IP allow-list instead.</summary>
    public string? Secret { get; set; }

    /// <summary>Allow a plain-http <see cref="Url"/>: only for a test receiver on loopback.</summary>
    public bool AllowHttp { get; set; }

    public override bool Enabled => Url is not null && Url.OriginalString.Length > 0;

    public bool Signed => !string.IsNullOrEmpty(Secret);

    public override string? Problem()
    {
        // Never the address or the secret themselves.
        if (Url is not { IsAbsoluteUri: true } || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
            return $"{SectionName}:Url is not an absolute http(s) address";
        if (Url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
            return $"{SectionName}:Url is plain http, so the robot's access token would cross the network in clear: use https, or set {SectionName}:AllowHttp=true for a test receiver";
        if (!Url.Query.Contains("access_token=", StringComparison.Ordinal))
            return $"{SectionName}:Url has no access_token=… query: copy the robot's whole webhook address from the group's robot settings";
        if (Signed && !Secret!.StartsWith("SEC", StringComparison.Ordinal))
            return $"{SectionName}:Secret does not start with SEC: copy the secret shown under 加签 in the robot's security settings";
        return RouteProblem();
    }
}
