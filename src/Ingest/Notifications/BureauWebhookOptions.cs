namespace SmartPark.Ingest.Notifications;

/// <summary>Section <c>Bureau:Webhook</c>: where and how alerts of bureau rules are pushed.</summary>
public sealed class BureauWebhookOptions
{
    public const string Section = "Bureau:Webhook";

    /// <summary>The bureau's receiver. Empty (the default) disables the notifier.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key shared with the bureau. Required when <see cref="Url"/> is set:
    /// without it notifications are kept in the outbox, never sent unsigned.</summary>
    public string? Secret { get; set; }

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
        if (string.IsNullOrEmpty(Secret))
            return "no Bureau:Webhook:Secret to sign with";
        return null;
    }
}
