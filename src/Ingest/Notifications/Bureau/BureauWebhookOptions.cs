using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>Section <c>Bureau:Webhook</c>: where and how alerts of bureau rules are pushed; the
/// outbox, back-off, rate limit and reminder settings are <see cref="AlertSinkOptions"/>'s.</summary>
public sealed class BureauWebhookOptions : AlertSinkOptions, ISignedWebhookOptions
{
    public const string Section = "Bureau:Webhook";

    /// <summary>The bureau's receiver. Empty (the default) disables the notifier.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key shared with the bureau, at least <see cref="MinSecretBytes"/> bytes
    /// (UTF-8). Required when <see cref="Url"/> is set: Ingest refuses to start without it, so
    /// nothing is ever sent unsigned or signed with a guessable key.</summary>
    public string? Secret { get; set; }

    /// <summary>The shortest secret accepted: 256 bits, the size of the HMAC-SHA256 key it becomes.</summary>
    public const int MinSecretBytes = SignedWebhookChecks.MinSecretBytes;

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

    public override bool Enabled => SignedWebhookChecks.IsEnabled(this);

    /// <summary>Why an enabled webhook cannot send, or null when it can.</summary>
    public override string? Problem() => SignedWebhookChecks.Problem(Section, this);
}
