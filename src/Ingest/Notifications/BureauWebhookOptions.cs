namespace SmartPark.Ingest.Notifications;

/// <summary>Section <c>Bureau:Webhook</c>: where and how alerts of bureau rules are pushed.</summary>
public sealed class BureauWebhookOptions
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

    /// <summary>Where the outbox (SQLite, WAL, synchronous=FULL) lives.</summary>
    public string OutboxDirectory { get; set; } = Path.Combine("data", "bureau");

    /// <summary>Reminder for a bureau alert still unacknowledged after this long, and again every
    /// this long until someone acknowledges it or it closes. Zero turns reminders off.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; doubles per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of each delay drawn at random (0..1), so many alerts failing together do not
    /// hit a recovering receiver in lockstep.</summary>
    public double Jitter { get; set; } = 0.5;

    /// <summary>One POST gives up after this long and counts as a failed attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Alerts delivered at the same time, at most (each alert's own notifications go one at a time).</summary>
    public int MaxParallelAlerts { get; set; } = 8;

    public bool Enabled => Url is not null && Url.OriginalString.Length > 0;

    /// <summary>Why an enabled webhook cannot send, or null when it can.</summary>
    public string? Problem()
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
