namespace SmartPark.Ingest.Notifications.Duty;

/// <summary>
/// A person a notification is addressed to, from the park's duty roster: <see cref="Level"/> is
/// their place in the escalation chain (0 the first on duty; the manager last, <see cref="Manager"/>).
/// </summary>
public sealed record DutyRecipient(string Park, string Id, string Name, string? Phone, string? Email, int Level, bool Manager);
