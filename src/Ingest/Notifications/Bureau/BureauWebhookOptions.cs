namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>Section <c>Bureau:Webhook</c>: where and how alerts of bureau rules are pushed; the
/// outbox, back-off, rate limit and reminder settings are <see cref="AlertSinkOptions"/>'s.</summary>
public sealed class BureauWebhookOptions : AlertSinkOptions
{
    public const string Section = "Bureau:Webhook";

    /// <summary>The bureau's receiver. Empty (the default) disables the notifier.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key shared with the bureau, at least <see cref="MinSecretBytes"/> bytes
    /// (UTF-8). Required when <see cref="Url"/> is set: Ingest refuses to start without it, so
    /// nothing is ever sent unsigned or signed with a guessable key.</summary>
    public string? Secret { get; set; }

    /// <summary>The shortest secret accepted: 256 bits, the size of the HMAC-SHA256 key it becomes.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>Allow a plain-http <see cref="Url"/>. Off by default: alerts and their signatures
    /// would cross the network readable and alterable by anyone on the path. The tests and a
    /// receiver on loopback set it.</summary>
    public bool AllowHttp { get; set; }

    public BureauWebhookOptions()
    {
        OutboxDirectory = Path.Combine("data", "bureau");
        // An officer hears again of an alert nobody acknowledged.
        ReminderInterval = TimeSpan.FromHours(1);
    }

    public override string Title => "Bureau webhook";

    public override bool Enabled => Url is not null && Url.OriginalString.Length > 0;

    /// <summary>Why an enabled webhook cannot send, or null when it can.</summary>
    public override string? Problem()
    {
        if (Url is not { IsAbsoluteUri: true } || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
            return $"Bureau:Webhook:Url '{Url}' is not an absolute http(s) address";
        if (Url.Scheme == Uri.UriSchemeHttp && !AllowHttp)
        {
            // Without the query string: it may carry a token.
            return $"Bureau:Webhook:Url '{Url.GetLeftPart(UriPartial.Path)}' is plain http, so alerts and their signatures would cross the network in clear: "
                + "use https, or set Bureau:Webhook:AllowHttp=true for a receiver on a trusted network";
        }
        if (string.IsNullOrEmpty(Secret))
            return "no Bureau:Webhook:Secret to sign with";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(Secret);
        if (bytes < MinSecretBytes)
        {
            return $"Bureau:Webhook:Secret is {bytes} bytes; at least {MinSecretBytes} are required so the signature cannot be guessed "
                + "(agree a random one with the bureau, e.g. from `openssl rand -hex 32`)";
        }
        return null;
    }
}
