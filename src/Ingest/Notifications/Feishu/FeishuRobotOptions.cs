using SmartPark.Ingest.Notifications.Routing;

namespace SmartPark.Ingest.Notifications.Feishu;

/// <summary>
/// Section <c>Notifications:Feishu</c>: a Feishu / Lark (飞书) custom group robot that tells a duty
/// group about alerts, and which alerts. Its address ends in the robot's hook token and its
/// <see cref="Secret"/> signs every message, so both are secrets: never logged, and kept in a secret
/// store (systemd credential, environment), not in a file.
/// </summary>
public sealed class FeishuRobotOptions : RoutedSinkOptions
{
    public const string SectionName = "Notifications:Feishu";

    /// <summary>Where Feishu (open.feishu.cn) and Lark (open.larksuite.com) put a custom robot's hook.</summary>
    public const string HookPath = "/open-apis/bot/v2/hook/";

    public FeishuRobotOptions()
    {
        OutboxDirectory = Path.Combine("data", "feishu");
        // A custom robot may send 100 a minute and 5 a second ("单租户单机器人 100 次/分钟，5 次/秒").
        // One exact window of 5 per 3 seconds keeps both: never more than 5 in any second, and at
        // most 20 × 5 = 100 in any minute.
        RateLimit = 5;
        RateWindow = TimeSpan.FromSeconds(3);
        InitialBackoff = TimeSpan.FromSeconds(5);
        RequestTimeout = TimeSpan.FromSeconds(15);
    }

    public override string Title => "Feishu robot";

    protected override string Section => SectionName;

    /// <summary>The robot's webhook, <c>https://open.feishu.cn/open-apis/bot/v2/hook/…</c> (Lark:
    /// <c>https://open.larksuite.com/…</c>). Empty (the default) disables the sink.</summary>
    public Uri? Url { get; set; }

    /// <summary>The "签名校验" secret from the robot's security settings. Empty: messages go unsigned,
    /// for a robot secured by keywords or an IP allow-list instead.</summary>
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
            return $"{SectionName}:Url is plain http, so the robot's hook token would cross the network in clear: use https, or set {SectionName}:AllowHttp=true for a test receiver";
        var hook = Url.AbsolutePath.IndexOf(HookPath, StringComparison.Ordinal);
        if (hook < 0 || Url.AbsolutePath.Length == hook + HookPath.Length)
            return $"{SectionName}:Url is not a robot hook ({HookPath}<token>): copy the robot's whole webhook address from the group's robot settings";
        return RouteProblem();
    }
}
