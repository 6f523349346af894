using System.Globalization;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// The <c>Idempotency-Key</c> of a notification, derived only from what the engine made durable
/// (alert id and sequence), so it is the same on every retry, after a restart, and if the engine
/// enqueues the same transition twice. A reminder is not a transition and has no sequence of its
/// own: it takes the sequence it reminds of plus its own count.
/// </summary>
public static class IdempotencyKeys
{
    public static string For(string alertId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{alertId}:{sequence}");

    /// <summary>A message of <paramref name="key"/> to one person of the duty roster at an escalation level.</summary>
    public static string ForRecipient(string key, string person, int level) =>
        string.Create(CultureInfo.InvariantCulture, $"{key}:to-{person}-{level}");

    public static string ForReminder(string alertId, long sequence, int reminder) =>
        string.Create(CultureInfo.InvariantCulture, $"{alertId}:{sequence}:reminder-{reminder}");
}
