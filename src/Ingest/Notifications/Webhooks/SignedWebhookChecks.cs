namespace SmartPark.Ingest.Notifications.Webhooks;

/// <summary>The start-up check of a signed webhook's address and key, worded with its own section.</summary>
public static class SignedWebhookChecks
{
    /// <summary>The shortest secret accepted: 256 bits, the size of the HMAC-SHA256 key it becomes.</summary>
    public const int MinSecretBytes = 32;

    public static bool IsEnabled(ISignedWebhookOptions options) => options.Url is not null && options.Url.OriginalString.Length > 0;

    /// <summary>Why an enabled webhook configured in <paramref name="section"/> cannot send, or null when it can.</summary>
    public static string? Problem(string section, ISignedWebhookOptions options)
    {
        var url = options.Url;
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return $"{section}:Url '{url}' is not an absolute http(s) address";
        if (url.Scheme == Uri.UriSchemeHttp && !options.AllowHttp)
        {
            // Without the query string: it may carry a token.
            return $"{section}:Url '{url.GetLeftPart(UriPartial.Path)}' is plain http, so alerts and their signatures would cross the network in clear: "
                + $"use https, or set {section}:AllowHttp=true for a receiver on a trusted network";
        }
        if (string.IsNullOrEmpty(options.Secret))
            return $"no {section}:Secret to sign with";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(options.Secret);
        if (bytes < MinSecretBytes)
        {
            return $"{section}:Secret is {bytes} bytes; at least {MinSecretBytes} are required so the signature cannot be guessed "
                + "(agree a random one with the receiver, e.g. from `openssl rand -hex 32`)";
        }
        return null;
    }

    /// <summary>The receiver's address without its query string (it may carry a token), for logs.</summary>
    public static string Destination(ISignedWebhookOptions options) =>
        options.Url is { IsAbsoluteUri: true } url ? url.GetLeftPart(UriPartial.Path) : "nowhere";
}
