using System.Globalization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Escalation;

/// <summary>
/// Section <c>Notifications:Escalation</c>: how long an alarm of each severity may stay
/// unacknowledged before the next person of the park's duty chain is told (<c>After:critical</c>,
/// 5 minutes unless configured; <c>After:warning</c>, <c>After:info</c> off unless configured; a zero
/// time turns a severity off), and where the escalation keeps its state.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Notifications:Escalation";

    /// <summary>Severity → time without acknowledgement before each next step. Critical: 5 minutes,
    /// a duty officer's time to see and acknowledge an alarm before the next person is called.</summary>
    public Dictionary<string, TimeSpan> After { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [AlertSeverities.Critical] = TimeSpan.FromMinutes(5),
    };

    /// <summary>Where <c>escalation.db</c> lives (SQLite, WAL, synchronous=FULL), beside the sinks' outboxes.</summary>
    public string Directory { get; set; } = Path.Combine("data", "escalation");

    /// <summary>How often due steps are looked for: the most a step can be late.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time an alarm of this severity waits at each level, or null when it does not escalate.</summary>
    public TimeSpan? AfterFor(string severity) =>
        After.TryGetValue(severity, out var after) && after > TimeSpan.Zero ? after : null;

    public string? Problem()
    {
        foreach (var (severity, after) in After)
        {
            if (AlertSeverities.Rank(severity) == 0)
                return $"{SectionName}:After:{severity} names no severity (info, warning, critical)";
            if (after < TimeSpan.Zero)
                return string.Create(CultureInfo.InvariantCulture, $"{SectionName}:After:{severity} is negative ({after})");
        }
        if (CheckInterval <= TimeSpan.Zero)
            return $"{SectionName}:CheckInterval must be positive";
        return null;
    }
}
