using System.Collections.Concurrent;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Delivers one sink's outbox. Only the oldest waiting message of each alert is ever sent, and the
/// next one only after it was accepted, so an alert's transitions arrive in order; different alerts
/// go in parallel (up to <c>MaxParallelAlerts</c>) so one that keeps failing does not hold up the
/// rest, and no faster than the sink's rate limit. A failed attempt is recorded with its next time
/// (the shared exponential back-off, capped, jittered, at least the receiver's Retry-After) in the
/// outbox, so retries pick up where they were after a restart. Nothing is ever given up on: a
/// misconfigured receiver (4xx) is logged as an error and retried.
/// </summary>
public sealed class SinkDeliveryLoop(SinkChannel channel, TimeProvider time, ILogger logger)
{
    // A safety net: the loop also looks again this often even if no pulse came.
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(1);
    private const int HeadsPerLook = 1_000;

    private static readonly TimeSpan PauseAfterFault = TimeSpan.FromSeconds(5);

    private readonly AlertSinkOptions _options = channel.Sink.Options;
    // Alerts with a send under way; a delivery takes itself out before it pulses the loop.
    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);
    // Only the loop touches this: what shutdown waits for.
    private readonly List<Task> _running = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var outbox = channel.Outbox;
        channel.Metrics.ObserveDepth(() => outbox.Depth);
        if (_options.Problem() is { } problem)
        {
            // Unsigned alerts would be refused or, worse, trusted; a bad address cannot be sent to.
            // Keep everything in the outbox until the configuration is fixed and Ingest restarted.
            channel.Status = new SinkStatus(false, null, problem);
            logger.LogError("{Sink} misconfigured: {Problem}; notifications are kept in the outbox and not sent ({Depth} waiting)", channel.Title, problem, outbox.Depth);
            return;
        }
        logger.LogInformation("{Sink} delivering to {Destination}; {Depth} notifications waiting in {Directory}", channel.Title, channel.Sink.Destination, outbox.Depth, _options.OutboxDirectory);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await StartDueAsync(outbox, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // An unreadable outbox must not stop the host (and with it telemetry ingest).
                    logger.LogError(ex, "{Sink} outbox could not be read; trying again in {Delay}", channel.Title, PauseAfterFault);
                    wait = PauseAfterFault;
                }
                _running.RemoveAll(t => t.IsCompleted);
                await channel.Signal.WaitAsync(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // In-flight sends see the same token; what they did not finish stays in the outbox.
        await Task.WhenAll(_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Starts every due head whose alert has nothing in flight, as far as the rate limit
    /// allows; returns how long until the next is due.</summary>
    private async Task<TimeSpan> StartDueAsync(SinkOutbox outbox, CancellationToken stoppingToken)
    {
        var heads = await outbox.HeadsAsync(HeadsPerLook, stoppingToken);
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var wait = MaxIdle;
        foreach (var head in heads)
        {
            if (_inFlight.ContainsKey(head.AlertId))
                continue;
            if (head.NextAttemptMs > nowMs)
            {
                wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, head.NextAttemptMs - nowMs));
                continue;
            }
            if (_inFlight.Count >= Math.Max(1, _options.MaxParallelAlerts))
                break; // a finishing delivery pulses the signal
            if (!channel.RateLimit.TryTake(now, out var room))
            {
                // The rest wait in the outbox, in order, until the window has room again.
                channel.Metrics.RateLimited.Add(1);
                logger.LogDebug("{Sink} rate limit reached ({Limit} per {Window}); next send in {Delay}", channel.Title, _options.RateLimit, _options.RateWindow, room);
                return room < wait ? room : wait;
            }
            // Marked before the task starts, so its own removal can never come first; counted as an
            // attempt here, with the slot it took, so attempts minus outcomes is what is in flight.
            _inFlight[head.AlertId] = true;
            channel.Metrics.Attempts.Add(1);
            _running.Add(Task.Run(() => DeliverAsync(head, outbox, stoppingToken), CancellationToken.None));
        }
        return wait;
    }

    private async Task DeliverAsync(OutboxItem item, SinkOutbox outbox, CancellationToken stoppingToken)
    {
        var metrics = channel.Metrics;
        try
        {
            var result = await channel.Sink.SendAsync(item, stoppingToken);
            if (result.Delivered)
            {
                await outbox.DeliveredAsync(item.Id, CancellationToken.None);
                metrics.Delivered.Add(1);
                channel.Status = new SinkStatus(true, time.GetUtcNow(), null);
                logger.LogInformation("{Sink} notification {IdempotencyKey} delivered (HTTP {Status}, attempt {Attempt})", channel.Title, item.IdempotencyKey, result.StatusCode, item.Attempts + 1);
                return;
            }
            var attempts = item.Attempts + 1;
            var delay = channel.Backoff.Delay(attempts, result.RetryAfter);
            await outbox.FailedAsync(item.Id, attempts, time.GetUtcNow().Add(delay).ToUnixTimeMilliseconds(), result.Reason, CancellationToken.None);
            metrics.Failures.Add(1, new KeyValuePair<string, object?>("reason", result.Reason));
            channel.Status = channel.Status with { LastAttemptSucceeded = false, LastError = $"{item.IdempotencyKey}: {result.Reason}" };
            if (result.Misconfigured)
                logger.LogError("{Sink} refused {IdempotencyKey} ({Reason}): {Hint}; retrying in {Delay} (attempt {Attempt})", channel.Title, item.IdempotencyKey, result.Reason, channel.Sink.MisconfigurationHint, delay, attempts);
            else if (attempts == 1 || attempts % 10 == 0)
                logger.LogWarning("{Sink} notification {IdempotencyKey} not delivered ({Reason}); retrying in {Delay} (attempt {Attempt})", channel.Title, item.IdempotencyKey, result.Reason, delay, attempts);
            else
                logger.LogDebug("{Sink} notification {IdempotencyKey} not delivered ({Reason}); retrying in {Delay} (attempt {Attempt})", channel.Title, item.IdempotencyKey, result.Reason, delay, attempts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The outbox could not be updated (disk full?), or the sink broke its promise not to
            // throw: the row stays as it was and is tried again; pause this alert a little so the
            // loop does not spin.
            logger.LogError(ex, "{Sink} notification {IdempotencyKey}: send or outbox update failed", channel.Title, item.IdempotencyKey);
            await Task.Delay(_options.InitialBackoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            // Out of the in-flight set before the pulse, so the loop sees this alert as free.
            _inFlight.TryRemove(item.AlertId, out _);
            channel.Signal.Pulse();
        }
    }
}
