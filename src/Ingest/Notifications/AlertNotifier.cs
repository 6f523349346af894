using System.Text.Json;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Hands each transition to every enabled sink whose routing predicate takes it: stores the
/// rendered message, together with the change to the alert's reminders for that sink, and wakes
/// the sink's delivery loop. Returns once SQLite has committed (fsynced) every row: from then on
/// the messages survive a crash. A sink that fails to store makes the whole call fail, so the
/// engine retries; sinks that already stored it see a repeated key and ignore it.
/// </summary>
public sealed class AlertNotifier(AlertSinks sinks, TimeProvider time, ILogger<AlertNotifier> logger) : IAlertNotifier
{
    public async Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        foreach (var channel in sinks.Enabled)
        {
            if (channel.Sink.Routes(transition))
                await StoreAsync(channel, transition, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StoreAsync(SinkChannel channel, AlertTransition transition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = channel.Sink.Render(transition, reminder: 0);
        var reminder = ReminderPolicy.ChangeFor(
            transition,
            JsonSerializer.Serialize(transition, OutboxJsonContext.Default.AlertTransition),
            now,
            channel.Sink.Options.ReminderInterval);
        var added = await channel.Outbox.AddAsync(transition.AlertId, message.IdempotencyKey, message.Body, now.ToUnixTimeMilliseconds(), reminder, cancellationToken).ConfigureAwait(false);
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
