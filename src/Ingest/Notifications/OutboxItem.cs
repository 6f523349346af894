namespace SmartPark.Ingest.Notifications;

/// <summary>One message waiting in a sink's outbox; <see cref="Id"/> orders an alert's messages.</summary>
public sealed record OutboxItem(long Id, string AlertId, string IdempotencyKey, byte[] Body, int Attempts, long NextAttemptMs);

/// <summary>An alert a sink is reminding of: the last transition seen, reminders sent so far.</summary>
public sealed record ReminderEntry(string AlertId, string TransitionJson, int Count, long NextDueMs);

/// <summary>What an enqueued transition does to the alert's reminders.</summary>
public abstract record ReminderChange
{
    private ReminderChange() { }

    public static readonly ReminderChange None = new NoChange();
    public static readonly ReminderChange Stop = new StopReminding();

    public sealed record NoChange : ReminderChange;
    public sealed record StopReminding : ReminderChange;
    /// <summary>Remind of this transition from <paramref name="NextDueMs"/> on; the count restarts.</summary>
    public sealed record Track(string TransitionJson, long NextDueMs) : ReminderChange;
}
