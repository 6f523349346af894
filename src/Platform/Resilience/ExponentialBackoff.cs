namespace SmartPark.Platform.Resilience;

/// <summary>
/// The one retry delay of SmartPark: <see cref="Initial"/> doubled per failure, capped at
/// <see cref="Max"/>, with an optional random share (<see cref="Jitter"/>, 0..1) taken off so
/// clients that failed together spread out instead of hitting a recovering server in lockstep.
/// <para>
/// A function of the failure count rather than a stateful retry loop (Polly's shape), because the
/// callers keep the count themselves: the alert outbox persists it across restarts, the sign-in
/// lockout derives it from failures past a threshold, reconnect loops reset it on success.
/// Computed in doubles, so any count (even <see cref="int.MaxValue"/>) is safe.
/// </para>
/// </summary>
public sealed class ExponentialBackoff
{
    private readonly Random _random;

    public ExponentialBackoff(TimeSpan initial, TimeSpan max, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initial.Ticks, nameof(initial));
        Initial = initial;
        Max = max;
        Jitter = Math.Clamp(jitter, 0, 1);
        _random = random ?? Random.Shared;
    }

    public TimeSpan Initial { get; }
    public TimeSpan Max { get; }
    public double Jitter { get; }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures (1 → <see cref="Initial"/>).</summary>
    public TimeSpan Delay(int failures) => Delay(failures, retryAfter: null);

    /// <param name="failures">Consecutive failures so far; below 1 counts as 1.</param>
    /// <param name="retryAfter">What the server asked for (HTTP Retry-After), honoured up to <see cref="Max"/>.</param>
    public TimeSpan Delay(int failures, TimeSpan? retryAfter)
    {
        var cap = Max.TotalMilliseconds;
        var exponent = Math.Min(Math.Max(failures, 1) - 1, 62);
        var full = Math.Min(cap, Initial.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = Jitter > 0 ? full * (1 - (Jitter * _random.NextDouble())) : full;
        if (retryAfter is { } asked)
            delay = Math.Max(delay, Math.Min(cap, asked.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(delay);
    }
}
