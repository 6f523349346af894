namespace SmartPark.Platform.Diagnostics;

/// <summary>
/// Lets a log message that repeats under one key through at most once per interval and counts
/// what it held back, so a device that sends the same bad payload every second leaves one warning
/// a minute instead of 3,600 an hour. Only the log is thinned: callers still count every event in
/// their metrics and keep every dead letter.
/// </summary>
public sealed class LogThrottle(TimeProvider time, TimeSpan every, int maxKeys = 10_000)
{
    private readonly Dictionary<string, (DateTimeOffset Logged, long HeldBack)> _keys = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when the event should be logged now, with how many like it were held back since the last one logged.</summary>
    public bool ShouldLog(string key, out long heldBack)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_keys.TryGetValue(key, out var seen) && now - seen.Logged < every)
            {
                _keys[key] = (seen.Logged, seen.HeldBack + 1);
                heldBack = 0;
                return false;
            }
            heldBack = seen.HeldBack;
            if (_keys.Count >= maxKeys && !_keys.ContainsKey(key))
                Forget(now);
            _keys[key] = (now, 0);
            return true;
        }
    }

    /// <summary>Bounds memory when keys come from outside (topics): drops keys quiet for an interval, or all of them.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var key in _keys.Where(k => now - k.Value.Logged >= every).Select(k => k.Key).ToList())
            _keys.Remove(key);
        if (_keys.Count >= maxKeys)
            _keys.Clear();
    }
}
