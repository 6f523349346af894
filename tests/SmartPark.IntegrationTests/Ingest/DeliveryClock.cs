using Microsoft.Extensions.Time.Testing;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// A fake clock for a host with one sink, that knows when the sink's delivery loop is parked: the
/// loop waits for a pulse or a timer on this clock, so "the newest timer is still pending" means it
/// looks at nothing until the clock moves or something pulses it. Together with "nothing in flight"
/// (attempts minus outcomes, counted from the moment a send takes its rate-limit slot) that is the
/// moment a test may move time on without a send straddling the move. Hours pass in seconds and
/// nothing waits on the wall clock except a bounded check for the next change.
/// </summary>
public sealed class DeliveryClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private Tracked? _newest;
    private long _events;
    private long _lastActivity;
    private Tracked? _stale;

    public DateTimeOffset Now => _fake.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked(this, dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : Now + dueTime, period != Timeout.InfiniteTimeSpan, Interlocked.Increment(ref _events));
        tracked.Inner = _fake.CreateTimer(s => { tracked.Fired = !tracked.Periodic; callback(s); Changed(); }, state, dueTime, period);
        lock (_gate)
            _newest = tracked;
        Changed();
        return tracked;
    }

    /// <summary>Something the loop reacts to happened (a send finished, which pulses the loop): the loop
    /// counts as parked again only on a timer it creates after this.</summary>
    public void Activity()
    {
        Interlocked.Exchange(ref _lastActivity, Interlocked.Increment(ref _events));
        Changed();
    }

    /// <summary>The test is about to pulse the loop (an enqueue): its present timer no longer counts as parked.</summary>
    public void ExpectWake()
    {
        lock (_gate)
            _stale = _newest;
    }

    /// <summary>Moves the clock to <paramref name="at"/> (never back), firing what falls due.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > Now)
            _fake.SetUtcNow(at);
    }

    /// <summary>Waits until the loop is parked with nothing in flight; returns when its timer falls due.</summary>
    public async Task<DateTimeOffset> WhenParkedAsync(Func<long> inFlight, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var parked = Pending();
            // The same pending timer before and after the count: the loop took no slot in between.
            if (parked is not null && inFlight() == 0 && ReferenceEquals(Pending(), parked))
                return parked.Due;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The delivery loop did not park within {timeout.TotalSeconds:0} s (in flight: {inFlight()}, fake time {Now:O})");
            // Woken by the next timer created, fired or disposed; the bound re-checks the count.
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(20));
        }
    }

    private Tracked? Pending()
    {
        lock (_gate)
            return _newest is { Disposed: false, Fired: false } newest && !ReferenceEquals(newest, _stale) && newest.Created > Interlocked.Read(ref _lastActivity) ? newest : null;
    }

    private void Changed()
    {
        if (_changed.CurrentCount < 1_000)
            _changed.Release();
    }

    private sealed class Tracked(DeliveryClock clock, DateTimeOffset due, bool periodic, long created) : ITimer
    {
        public long Created { get; } = created;
        public ITimer Inner { get; set; } = null!;
        public DateTimeOffset Due { get; private set; } = due;
        public bool Periodic { get; } = periodic;
        public volatile bool Fired;
        public volatile bool Disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.Now + dueTime;
            Fired = false;
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disposed = true;
            Inner.Dispose();
            clock.Changed();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
