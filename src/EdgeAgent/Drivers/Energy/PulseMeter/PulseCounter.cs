namespace SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

/// <summary>
/// Counts a meter's pulse output from the edges of its input, as the GPIO chip reports them
/// (in the kernel's order, on its event thread), so no pulse is lost however seldom the agent
/// reads. A reed contact bounces when it closes and when it opens; a pulse counts only when the
/// line goes active after resting inactive for at least the debounce time, which rejects both
/// bounces without limiting how long a pulse may last. Thread-safe: edges and reads race.
/// </summary>
public sealed class PulseCounter(TimeSpan debounce, TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _active;
    private long? _inactiveSince;
    private long _pulses;

    /// <summary>Pulses counted since the counter started.</summary>
    public long Pulses
    {
        get
        {
            lock (_gate)
                return _pulses;
        }
    }

    /// <summary>The line's level when counting starts: a meter that stopped mid-pulse is not a new pulse.</summary>
    public void Start(bool active)
    {
        lock (_gate)
        {
            _active = active;
            _inactiveSince = null;
        }
    }

    /// <summary>One edge: the line became active (<paramref name="active"/>) or inactive.</summary>
    public void Edge(bool active)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (active == _active)
                return;   // an edge the chip merged or reported twice: the level is what counts
            _active = active;
            if (!active)
            {
                _inactiveSince = now;
                return;
            }
            if (_inactiveSince is not { } since || time.GetElapsedTime(since, now) >= debounce)
                _pulses++;
        }
    }
}
