namespace SmartPark.Uplink.Link;

/// <summary>
/// Bounds what history requests (2051, 2061, 2031 with BeginTime and EndTime) may make a point
/// read and send, whoever sends them: the platform, or anyone on the network pretending to be it.
/// A request may span at most <see cref="UplinkOptions.MaxHistorySpan"/>; one runs at a time per
/// point; at most <see cref="UplinkOptions.MaxHistoryRequestsPerHour"/> start in any hour. (How
/// many periods one request sends is bounded by <see cref="UplinkOptions.MaxHistoryPeriods"/>.)
/// Kept per point, not per connection, so reconnecting does not reset it.
/// </summary>
public sealed class HistoryLimit(UplinkOptions options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly Queue<DateTimeOffset> _started = new();
    private readonly Lock _gate = new();
    private bool _running;

    /// <summary>Takes the point's history slot for a request spanning <paramref name="span"/>, or says why not.</summary>
    public HistoryRefusal TryStart(TimeSpan span, DateTimeOffset now)
    {
        if (span > options.MaxHistorySpan)
            return HistoryRefusal.SpanTooLong;
        lock (_gate)
        {
            if (_running)
                return HistoryRefusal.Busy;
            while (_started.TryPeek(out var at) && now - at >= Hour)
                _started.Dequeue();
            if (_started.Count >= options.MaxHistoryRequestsPerHour)
                return HistoryRefusal.TooOften;
            _started.Enqueue(now);
            _running = true;
            return HistoryRefusal.None;
        }
    }

    /// <summary>The request that took the slot is done (sent, failed or cut off).</summary>
    public void Finish()
    {
        lock (_gate)
            _running = false;
    }
}

public enum HistoryRefusal
{
    None,

    /// <summary>EndTime is further from BeginTime than the setting allows.</summary>
    SpanTooLong,

    /// <summary>Another history request of the point is still being answered.</summary>
    Busy,

    /// <summary>The point has answered its hourly quota of history requests.</summary>
    TooOften,
}
