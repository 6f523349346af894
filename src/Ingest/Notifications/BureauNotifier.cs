using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Stores each bureau transition in the outbox, as the exact body that will be POSTed, together
/// with the change to the alert's reminders, and wakes the delivery loop. Returns once SQLite has
/// committed (fsynced) the row: from then on the notification survives a crash.
/// </summary>
public sealed class BureauNotifier(
    BureauOutbox outbox,
    BureauPayloadBuilder payloads,
    OutboxSignal signal,
    BureauMetrics metrics,
    IOptions<BureauWebhookOptions> options,
    TimeProvider time,
    ILogger<BureauNotifier> logger) : IBureauNotifier
{
    public async Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!transition.Alert.Bureau)
        {
            // The bureau receives only what its rules ask for; anything else would be a leak.
            logger.LogWarning("Alert {AlertId} is not of a bureau rule ({RuleId}); not sent to the bureau", transition.AlertId, transition.Alert.RuleId);
            return;
        }
        var now = time.GetUtcNow();
        var payload = payloads.Build(transition);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, BureauJsonContext.Default.BureauNotification);
        var reminder = ReminderPolicy.ChangeFor(
            transition,
            JsonSerializer.Serialize(transition, BureauJsonContext.Default.AlertTransition),
            now,
            options.Value.ReminderInterval);
        var added = await outbox.AddAsync(transition.AlertId, payload.IdempotencyKey, body, now.ToUnixTimeMilliseconds(), reminder, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            metrics.Enqueued.Add(1);
            signal.Pulse();
            logger.LogInformation("Bureau notification {IdempotencyKey} ({Event}) stored in the outbox", payload.IdempotencyKey, payload.Event);
        }
        else
        {
            logger.LogDebug("Bureau notification {IdempotencyKey} is already in the outbox", payload.IdempotencyKey);
        }
    }
}
