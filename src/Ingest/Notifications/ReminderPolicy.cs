using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Which alerts a sink with reminders on (<c>ReminderInterval</c> &gt; 0, the bureau's) reminds of:
/// open and not acknowledged by anyone (active, or cleared before anyone looked). Each transition
/// of such an alert restarts its reminder clock; an acknowledgement or the close stops it. The
/// notifier keeps this itself, per sink, from the transitions it is given, so the engine needs no
/// timer of its own for any sink.
/// </summary>
public static class ReminderPolicy
{
    public static ReminderChange ChangeFor(AlertTransition transition, string transitionJson, DateTimeOffset now, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || transition.Reminder)
            return ReminderChange.None;
        var acknowledged = transition.To == AlertStates.Acknowledged || transition.Alert.AcknowledgedAt is not null;
        if (acknowledged || !AlertStates.IsOpen(transition.To))
            return ReminderChange.Stop;
        return new ReminderChange.Track(transitionJson, (now + interval).ToUnixTimeMilliseconds());
    }
}
