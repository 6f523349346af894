using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// What a sink renders: a transition, or the n-th <see cref="Reminder"/> of it, addressed to a group
/// (<see cref="Recipient"/> null) or to one person of the duty roster at an escalation
/// <see cref="Level"/> (0: the first on duty).
/// </summary>
public sealed record AlertNotice(Contracts.Alerts.AlertTransition Transition, int Reminder = 0, DutyRecipient? Recipient = null, int Level = 0)
{
    public bool IsReminder => Reminder > 0 || Transition.Reminder;

    /// <summary>The idempotency key: the transition's (or its reminder's), and for a person their id and level, so
    /// that the same person told of the same transition twice (a retry, a restart) gets one message.</summary>
    public string IdempotencyKey
    {
        get
        {
            var key = Reminder > 0
                ? IdempotencyKeys.ForReminder(Transition.AlertId, Transition.Sequence, Reminder)
                : IdempotencyKeys.For(Transition.AlertId, Transition.Sequence);
            return Recipient is null ? key : IdempotencyKeys.ForRecipient(key, Recipient.Id, Level);
        }
    }
}

/// <summary>Whom a sink's messages go to.</summary>
public enum SinkAudience
{
    /// <summary>One message per transition to a fixed receiver (a group robot, a webhook).</summary>
    Group,

    /// <summary>One message per person on duty (roster), at the address the sink uses (email, phone).</summary>
    People,
}
