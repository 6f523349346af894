namespace SmartPark.Ingest.Notifications;

/// <summary>
/// At most <c>limit</c> sends in any <c>window</c>: a log of the last sends, on the delivery loop's
/// clock. Exact rather than approximate (System.Threading.RateLimiting's windows allow up to twice
/// the limit across a window boundary and run on the wall clock only), because receivers such as
/// the WeChat Work robot (20 a minute) refuse what goes over and tests drive the clock.
/// Used by the sink's delivery loop alone, so not thread-safe.
/// </summary>
public sealed class SinkRateLimit(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _sent = new();

    public bool Unlimited => limit <= 0;

    /// <summary>Takes one send now if the window has room; otherwise says how long until it has.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (Unlimited)
            return true;
        while (_sent.Count > 0 && _sent.Peek() <= now - window)
            _sent.Dequeue();
        if (_sent.Count < limit)
        {
            _sent.Enqueue(now);
            return true;
        }
        wait = _sent.Peek() + window - now;
        return false;
    }
}
