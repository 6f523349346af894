using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Every <c>ReminderCheckInterval</c> (on the injected <see cref="TimeProvider"/>, so tests drive
/// it with a fake clock), stores a reminder for each bureau alert unacknowledged for
/// <c>ReminderInterval</c> since its last transition or reminder. The reminder and the alert's next
/// due time are committed together, so a crash neither skips nor repeats one (its idempotency key
/// carries its number).
/// </summary>
public sealed class ReminderService(
    IServiceProvider services,
    IOptions<BureauWebhookOptions> options,
    BureauPayloadBuilder payloads,
    OutboxSignal signal,
    BureauMetrics metrics,
    TimeProvider time,
    ILogger<ReminderService> logger) : BackgroundService
{
    private readonly BureauWebhookOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        if (_options.ReminderInterval <= TimeSpan.Zero)
        {
            logger.LogInformation("Bureau reminders off ({Setting}=0)", "Bureau:Webhook:ReminderInterval");
            return;
        }
        using var timer = new PeriodicTimer(_options.ReminderCheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await EmitDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogError(ex, "Bureau reminders could not be stored; trying again at the next check");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores the reminders due now; returns how many.</summary>
    public async Task<int> EmitDueAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _options.ReminderInterval <= TimeSpan.Zero)
            return 0;
        var outbox = services.GetRequiredService<BureauOutbox>();
        var now = time.GetUtcNow();
        var emitted = 0;
        foreach (var entry in await outbox.DueRemindersAsync(now.ToUnixTimeMilliseconds(), cancellationToken))
        {
            var last = JsonSerializer.Deserialize(entry.TransitionJson, BureauJsonContext.Default.AlertTransition);
            if (last is null)
                continue;
            var number = entry.Count + 1;
            var payload = payloads.Build(last with { Reminder = true, At = now }, number);
            var body = JsonSerializer.SerializeToUtf8Bytes(payload, BureauJsonContext.Default.BureauNotification);
            await outbox.AddReminderAsync(entry, payload.IdempotencyKey, body, now.ToUnixTimeMilliseconds(), (now + _options.ReminderInterval).ToUnixTimeMilliseconds(), cancellationToken);
            metrics.Enqueued.Add(1);
            logger.LogInformation("Bureau reminder {IdempotencyKey} stored: alert {AlertId} still unacknowledged", payload.IdempotencyKey, entry.AlertId);
            emitted++;
        }
        if (emitted > 0)
            signal.Pulse();
        return emitted;
    }
}
