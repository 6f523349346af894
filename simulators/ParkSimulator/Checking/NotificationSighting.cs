using System.Globalization;

namespace SmartPark.Simulator.Checking;

/// <summary>
/// A message a person of the duty roster received (an email at an SMTP server, a text at an SMS
/// gateway), read back from the idempotency key every such message carries
/// (<c>&lt;alert&gt;:&lt;sequence&gt;[:reminder-n]:to-&lt;person&gt;-&lt;level&gt;</c>): which alert, who, at which
/// escalation level, by which channel, and when it arrived (wall clock).
/// </summary>
public sealed record NotificationSighting(string Channel, string AlertId, string Person, int Level, DateTimeOffset At)
{
    /// <summary>The sighting a message's key describes, or null when the key is not one addressed to a person.</summary>
    public static NotificationSighting? FromKey(string channel, string? key, DateTimeOffset at)
    {
        if (key is null)
            return null;
        var to = key.LastIndexOf(":to-", StringComparison.Ordinal);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (to <= 0 || colon <= 0)
            return null;
        var recipient = key[(to + 4)..];
        var dash = recipient.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(recipient[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            return null;
        return new NotificationSighting(channel, key[..colon], recipient[..dash], level, at);
    }
}
