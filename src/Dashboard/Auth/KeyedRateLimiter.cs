namespace SmartPark.Dashboard.Auth;

/// <summary>
/// A token bucket per key (a client address, a user name): <c>permits</c> attempts at once, refilled
/// evenly over <c>window</c>. Hand-written rather than System.Threading.RateLimiting's partitioned
/// limiters because those run on the system clock and timers (this one reads a
/// <see cref="TimeProvider"/>, so tests step time) and keep a limiter per partition with no cap
/// on how many partitions outside keys create (this one keeps at most <c>maxKeys</c>, forgetting
/// the least recently used; a forgotten key starts with a full bucket).
/// </summary>
public sealed class KeyedRateLimiter(TimeProvider time, int permits, TimeSpan window, int maxKeys)
{
    private readonly BoundedLru<(double Tokens, DateTimeOffset At)> _buckets = new(maxKeys);
    private readonly Lock _gate = new();

    /// <summary>Takes one permit for <paramref name="key"/>; false with the wait until the next one when there is none.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var refillPerSecond = permits / window.TotalSeconds;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var tokens = _buckets.TryGet(key, out var bucket)
                ? Math.Min(permits, bucket.Tokens + (now - bucket.At).TotalSeconds * refillPerSecond)
                : permits;
            if (tokens >= 1)
            {
                _buckets.Set(key, (tokens - 1, now));
                retryAfter = TimeSpan.Zero;
                return true;
            }
            _buckets.Set(key, (tokens, now));
            retryAfter = TimeSpan.FromSeconds((1 - tokens) / refillPerSecond);
            return false;
        }
    }
}
