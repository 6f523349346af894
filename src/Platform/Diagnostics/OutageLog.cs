namespace SmartPark.Platform.Diagnostics;

/// <summary>
/// Decides when a loop that retries a dependency every few seconds should say so: once when the
/// outage starts, then at most every <c>repeatEvery</c> while it lasts, and once when it ends.
/// A warning per retry (720 an hour at a 5 s interval) buries everything else in the log.
/// </summary>
public sealed class OutageLog(TimeProvider time, TimeSpan repeatEvery)
{
    private DateTimeOffset? _since;
    private DateTimeOffset _lastReported;

    public bool IsDown => _since is not null;

    /// <summary>Notes a failed attempt; true when it should be logged, with how long the outage has lasted.</summary>
    public bool Failed(out TimeSpan downFor)
    {
        var now = time.GetUtcNow();
        if (_since is not { } since)
        {
            _since = _lastReported = now;
            downFor = TimeSpan.Zero;
            return true;
        }
        downFor = now - since;
        if (now - _lastReported < repeatEvery)
            return false;
        _lastReported = now;
        return true;
    }

    /// <summary>Notes a successful attempt; true when it ended an outage, with how long that lasted.</summary>
    public bool Succeeded(out TimeSpan downFor)
    {
        if (_since is not { } since)
        {
            downFor = TimeSpan.Zero;
            return false;
        }
        downFor = time.GetUtcNow() - since;
        _since = null;
        return true;
    }
}
