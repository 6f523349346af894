using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Delivers the outbox to the bureau. Only the oldest waiting notification of each alert is ever
/// sent, and the next one only after it got a 2xx, so an alert's transitions arrive in order;
/// different alerts go in parallel (up to <c>MaxParallelAlerts</c>) so one that keeps failing
/// does not hold up the rest. A failed attempt is recorded with its next time (exponential
/// backoff, capped, jittered) in the outbox, so retries pick up where they were after a restart.
/// Nothing is ever given up on: a misconfigured endpoint (4xx) is logged as an error and retried.
/// </summary>
public sealed class BureauDeliveryService(
    IServiceProvider services,
    IOptions<BureauWebhookOptions> options,
    OutboxSignal signal,
    BureauMetrics metrics,
    TimeProvider time,
    ILogger<BureauDeliveryService> logger) : BackgroundService
{
    // A safety net: the loop also looks again this often even if no pulse came.
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(1);
    private const int HeadsPerLook = 1_000;

    private static readonly TimeSpan PauseAfterFault = TimeSpan.FromSeconds(5);

    private readonly BureauWebhookOptions _options = options.Value;
    // Alerts with a POST under way; a delivery takes itself out before it pulses the loop.
    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);
    // Only the loop touches this: what shutdown waits for.
    private readonly List<Task> _running = [];

    /// <summary>Health, as of the latest attempt.</summary>
    public BureauDeliveryStatus Status { get; private set; } = BureauDeliveryStatus.Idle;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
            logger.LogWarning("Bureau webhook disabled: {Setting} is not set, so alerts of bureau rules are not sent to the environment bureau", "Bureau:Webhook:Url");
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        var outbox = services.GetRequiredService<BureauOutbox>();
        metrics.ObserveDepth(() => outbox.Depth);
        if (_options.Problem() is { } problem)
        {
            // Unsigned alerts would be refused or, worse, trusted; a bad Url cannot be posted to.
            // Keep everything in the outbox until the configuration is fixed and Ingest restarted.
            Status = new BureauDeliveryStatus(false, null, problem);
            logger.LogError("Bureau webhook misconfigured: {Problem}; notifications are kept in the outbox and not sent ({Depth} waiting)", problem, outbox.Depth);
            return;
        }
        // Without the query string: it may carry a token.
        logger.LogInformation("Bureau webhook delivering to {Url}; {Depth} notifications waiting in {Directory}", _options.Url!.GetLeftPart(UriPartial.Path), outbox.Depth, _options.OutboxDirectory);
        var sender = services.GetRequiredService<WebhookSender>();
        var backoff = services.GetRequiredService<Backoff>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await StartDueAsync(outbox, sender, backoff, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // An unreadable outbox must not stop the host (and with it telemetry ingest).
                    logger.LogError(ex, "Bureau outbox could not be read; trying again in {Delay}", PauseAfterFault);
                    wait = PauseAfterFault;
                }
                _running.RemoveAll(t => t.IsCompleted);
                await signal.WaitAsync(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // In-flight POSTs see the same token; what they did not finish stays in the outbox.
        await Task.WhenAll(_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Starts every due head whose alert has nothing in flight; returns how long until the next is due.</summary>
    private async Task<TimeSpan> StartDueAsync(BureauOutbox outbox, WebhookSender sender, Backoff backoff, CancellationToken stoppingToken)
    {
        var heads = await outbox.HeadsAsync(HeadsPerLook, stoppingToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var wait = MaxIdle;
        foreach (var head in heads)
        {
            if (_inFlight.ContainsKey(head.AlertId))
                continue;
            if (head.NextAttemptMs > now)
            {
                wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, head.NextAttemptMs - now));
                continue;
            }
            if (_inFlight.Count >= Math.Max(1, _options.MaxParallelAlerts))
                break; // a finishing delivery pulses the signal
            // Marked before the task starts, so its own removal can never come first.
            _inFlight[head.AlertId] = true;
            _running.Add(Task.Run(() => DeliverAsync(head, outbox, sender, backoff, stoppingToken), CancellationToken.None));
        }
        return wait;
    }

    private async Task DeliverAsync(OutboxItem item, BureauOutbox outbox, WebhookSender sender, Backoff backoff, CancellationToken stoppingToken)
    {
        try
        {
            metrics.Attempts.Add(1);
            var result = await sender.SendAsync(item, stoppingToken);
            if (result.Delivered)
            {
                await outbox.DeliveredAsync(item.Id, CancellationToken.None);
                metrics.Delivered.Add(1);
                Status = new BureauDeliveryStatus(true, time.GetUtcNow(), null);
                logger.LogInformation("Bureau notification {IdempotencyKey} delivered (HTTP {Status}, attempt {Attempt})", item.IdempotencyKey, result.StatusCode, item.Attempts + 1);
                return;
            }
            var attempts = item.Attempts + 1;
            var delay = backoff.Next(attempts, result.RetryAfter);
            await outbox.FailedAsync(item.Id, attempts, time.GetUtcNow().Add(delay).ToUnixTimeMilliseconds(), result.Reason, CancellationToken.None);
            metrics.Failures.Add(1, new KeyValuePair<string, object?>("reason", result.Reason));
            Status = Status with { LastAttemptSucceeded = false, LastError = $"{item.IdempotencyKey}: {result.Reason}" };
            if (result.Misconfigured)
                logger.LogError("Bureau webhook refused {IdempotencyKey} with HTTP {Status} ({Reason}): check Bureau:Webhook:Url and Secret with the bureau; retrying in {Delay} (attempt {Attempt})", item.IdempotencyKey, result.StatusCode, result.Reason, delay, attempts);
            else if (attempts == 1 || attempts % 10 == 0)
                logger.LogWarning("Bureau notification {IdempotencyKey} not delivered ({Reason}); retrying in {Delay} (attempt {Attempt})", item.IdempotencyKey, result.Reason, delay, attempts);
            else
                logger.LogDebug("Bureau notification {IdempotencyKey} not delivered ({Reason}); retrying in {Delay} (attempt {Attempt})", item.IdempotencyKey, result.Reason, delay, attempts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The outbox could not be updated (disk full?): the row stays as it was and is tried
            // again; pause this alert a little so the loop does not spin.
            logger.LogError(ex, "Bureau notification {IdempotencyKey}: outbox update failed", item.IdempotencyKey);
            await Task.Delay(_options.InitialBackoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            // Out of the in-flight set before the pulse, so the loop sees this alert as free.
            _inFlight.TryRemove(item.AlertId, out _);
            signal.Pulse();
        }
    }
}
