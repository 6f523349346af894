using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// A notification channel (the bureau webhook, a WeChat Work robot, …): which alert transitions it
/// wants, what one message looks like, and how to send one. Everything else — the durable outbox,
/// the delivery loop with its back-off, per-alert order and rate limit, reminders, metrics, the
/// health check and the start-up validation — is the same for every sink and lives in this folder.
/// A new channel is one folder with a class like this and its options, plus one line in
/// <see cref="AlertSinksServiceCollectionExtensions.AddAlertSinks"/>.
/// </summary>
public interface IAlertSink
{
    /// <summary>The sink's settings; the shared ones (outbox, back-off, rate limit, reminders) come from the base class.</summary>
    AlertSinkOptions Options { get; }

    /// <summary>Where messages go, safe to log: no token, key or secret.</summary>
    string Destination { get; }

    /// <summary>Logged once at start when <see cref="AlertSinkOptions.Enabled"/> is false: what is not sent and what setting turns it on.</summary>
    string DisabledReason { get; }

    /// <summary>What an operator should check when the receiver refuses a message in a way retrying will not fix.</summary>
    string MisconfigurationHint { get; }

    /// <summary>The routing predicate: whether this transition goes to this sink at all.</summary>
    bool Routes(AlertTransition transition);

    /// <summary>A group (robot, webhook: one message per transition) or people (email, SMS: one per person on duty).</summary>
    SinkAudience Audience => SinkAudience.Group;

    /// <summary>For a <see cref="SinkAudience.People"/> sink: whether it has an address of this person (an email, a phone).</summary>
    bool Reaches(Duty.DutyRecipient person) => false;

    /// <summary>The message for a transition (reminder 0) or the n-th reminder of it, to the group or to
    /// <see cref="AlertNotice.Recipient"/>, built once when stored and sent byte for byte the same on every retry.
    /// Its idempotency key is <see cref="AlertNotice.IdempotencyKey"/>.</summary>
    SinkMessage Render(AlertNotice notice);

    /// <summary>One attempt to send a stored message; never throws for the receiver's or the network's failures.</summary>
    Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken);
}

/// <summary>A rendered message: the key that makes repeats harmless (and is unique in the sink's outbox) and the exact bytes to send.</summary>
public sealed record SinkMessage(string IdempotencyKey, byte[] Body, string Event);
