using System.Text.Json;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// For every enabled sink with reminders on: every <c>ReminderCheckInterval</c> (on the injected
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock), stores a reminder for each
/// alert unacknowledged for <c>ReminderInterval</c> since its last transition or reminder. The
/// reminder and the alert's next due time are committed together, so a crash neither skips nor
/// repeats one (its idempotency key carries its number).
/// </summary>
public sealed class ReminderService(AlertSinks sinks, TimeProvider time, ILogger<ReminderService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sinks.Enabled.Select(channel => RunAsync(channel, stoppingToken)));

    private async Task RunAsync(SinkChannel channel, CancellationToken stoppingToken)
    {
        var options = channel.Sink.Options;
        if (options.ReminderInterval <= TimeSpan.Zero)
        {
            logger.LogInformation("{Sink} reminders off (ReminderInterval=0)", channel.Title);
            return;
        }
        using var timer = new PeriodicTimer(options.ReminderCheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await EmitDueAsync(channel, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogError(ex, "{Sink} reminders could not be stored; trying again at the next check", channel.Title);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores the reminders due now in every sink; returns how many.</summary>
    public async Task<int> EmitDueAsync(CancellationToken cancellationToken)
    {
        var emitted = 0;
        foreach (var channel in sinks.Enabled)
            emitted += await EmitDueAsync(channel, cancellationToken);
        return emitted;
    }

    private async Task<int> EmitDueAsync(SinkChannel channel, CancellationToken cancellationToken)
    {
        var interval = channel.Sink.Options.ReminderInterval;
        if (interval <= TimeSpan.Zero)
            return 0;
        var now = time.GetUtcNow();
        var emitted = 0;
        foreach (var entry in await channel.Outbox.DueRemindersAsync(now.ToUnixTimeMilliseconds(), cancellationToken))
        {
            var last = JsonSerializer.Deserialize(entry.TransitionJson, OutboxJsonContext.Default.AlertTransition);
            if (last is null)
                continue;
            var number = entry.Count + 1;
            var message = channel.Sink.Render(new AlertNotice(last with { Reminder = true, At = now }, number));
            await channel.Outbox.AddReminderAsync(entry, message.IdempotencyKey, message.Body, now.ToUnixTimeMilliseconds(), (now + interval).ToUnixTimeMilliseconds(), cancellationToken);
            channel.Metrics.Enqueued.Add(1);
            logger.LogInformation("{Sink} reminder {IdempotencyKey} stored: alert {AlertId} still unacknowledged", channel.Title, message.IdempotencyKey, entry.AlertId);
            emitted++;
        }
        if (emitted > 0)
            channel.Signal.Pulse();
        return emitted;
    }
}
