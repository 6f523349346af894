namespace SmartPark.Ingest.Notifications.Duty;

/// <summary>Who is on duty in a park at a moment, in escalation order, the park's manager last; empty when the
/// park keeps no roster (then alarms reach groups, robots, but no person).</summary>
public interface IDutyRoster
{
    IReadOnlyList<DutyRecipient> ChainAt(string park, DateTimeOffset at);
}
