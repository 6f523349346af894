using System.Text.Json;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Duty;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Hands each transition to every enabled sink whose routing predicate takes it: stores the
/// rendered message, together with the change to the alert's reminders for that sink, and wakes
/// the sink's delivery loop. A sink that addresses people (<see cref="SinkAudience.People"/>)
/// gets one message for the first person on duty in the park (<see cref="IDutyRoster"/>) that it
/// can reach; later levels are the escalation's. Returns once SQLite has committed (fsynced) every
/// row: from then on the messages survive a crash. A sink that fails to store makes the whole call
/// fail, so the engine retries; sinks that already stored it see a repeated key and ignore it.
/// </summary>
public sealed class AlertNotifier(AlertSinks sinks, IDutyRoster roster, TimeProvider time, ILogger<AlertNotifier> logger) : IAlertNotifier
{
    public async Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        foreach (var channel in sinks.Enabled)
        {
            if (!channel.Sink.Routes(transition))
                continue;
            if (channel.Sink.Audience == SinkAudience.Group)
            {
                await StoreAsync(channel, new AlertNotice(transition), trackReminders: true, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var first = roster.ChainAt(transition.Alert.Park, transition.Alert.RaisedAt).FirstOrDefault();
            if (first is null)
                logger.LogWarning("{Sink}: park {Park} has nobody on duty at {At} (no duty roster or no shift), so nobody is told of {AlertId}", channel.Title, transition.Alert.Park, transition.Alert.RaisedAt, transition.AlertId);
            else if (!channel.Sink.Reaches(first))
                logger.LogInformation("{Sink}: {Person}, on duty in {Park}, has no address this channel uses", channel.Title, first.Id, first.Park);
            else
                await StoreAsync(channel, new AlertNotice(transition, Recipient: first, Level: 0), trackReminders: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores one notice in a sink's outbox (a repeated key is ignored) and wakes its delivery loop.
    /// Public for the escalation, which addresses later levels of the duty chain.</summary>
    public async Task StoreAsync(SinkChannel channel, AlertNotice notice, bool trackReminders, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = channel.Sink.Render(notice);
        var reminder = trackReminders
            ? ReminderPolicy.ChangeFor(
                notice.Transition,
                JsonSerializer.Serialize(notice.Transition, OutboxJsonContext.Default.AlertTransition),
                now,
                channel.Sink.Options.ReminderInterval)
            : ReminderChange.None;
        var added = await channel.Outbox.AddAsync(notice.Transition.AlertId, message.IdempotencyKey, message.Body, now.ToUnixTimeMilliseconds(), reminder, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            channel.Metrics.Enqueued.Add(1);
            channel.Signal.Pulse();
            logger.LogInformation("{Sink} notification {IdempotencyKey} ({Event}) stored in the outbox", channel.Title, message.IdempotencyKey, message.Event);
        }
        else
        {
            logger.LogDebug("{Sink} notification {IdempotencyKey} is already in the outbox", channel.Title, message.IdempotencyKey);
        }
    }
}
