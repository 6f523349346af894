namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Delay before the next attempt: exponential from <c>InitialBackoff</c>, capped at
/// <c>MaxBackoff</c>, with a random share (<c>Jitter</c>) taken off so alerts that failed together
/// spread out. A handful of lines, so written here rather than pulling in Polly for it.
/// </summary>
public sealed class Backoff(BureauWebhookOptions options, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    /// <param name="failedAttempts">Attempts that failed so far, at least 1.</param>
    /// <param name="retryAfter">The receiver's Retry-After, honoured up to the cap.</param>
    public TimeSpan Next(int failedAttempts, TimeSpan? retryAfter = null)
    {
        var cap = options.MaxBackoff.TotalMilliseconds;
        var exponent = Math.Min(Math.Max(failedAttempts, 1) - 1, 30);
        var full = Math.Min(cap, options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent));
        var jitter = Math.Clamp(options.Jitter, 0, 1);
        var delay = full * (1 - (jitter * _random.NextDouble()));
        if (retryAfter is { } asked)
            delay = Math.Max(delay, Math.Min(cap, asked.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(delay);
    }
}
