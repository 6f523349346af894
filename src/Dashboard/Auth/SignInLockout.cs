using SmartPark.Platform.Resilience;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Locks a user name after consecutive failed sign-ins: at the <c>threshold</c>-th failure for
/// <c>firstLockout</c>, and at each further failure for twice as long as the last, up to
/// <c>maxLockout</c>. A success, or <c>maxLockout</c> without failures after the lock ends,
/// forgets the name. Keyed by the name as typed whether or not such a user exists, so an unknown
/// name locks exactly like a known one and lockouts cannot tell which names are real. At most
/// <c>maxKeys</c> names are tracked (least recently used forgotten first).
/// </summary>
public sealed class SignInLockout(TimeProvider time, int threshold, TimeSpan firstLockout, TimeSpan maxLockout, int maxKeys)
{
    private readonly BoundedLru<Entry> _entries = new(maxKeys);
    private readonly ExponentialBackoff _lockouts = new(firstLockout, maxLockout);
    private readonly Lock _gate = new();

    /// <summary>True while <paramref name="user"/> is locked, with when the lock ends.</summary>
    public bool IsLocked(string user, out DateTimeOffset until)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (Current(user, now) is { } entry && entry.LockedUntil > now)
            {
                until = entry.LockedUntil;
                return true;
            }
            until = default;
            return false;
        }
    }

    /// <summary>Counts a failed sign-in; returns how long the name is now locked (zero when not).</summary>
    public TimeSpan RecordFailure(string user)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var failures = (Current(user, now)?.Failures ?? 0) + 1;
            var lockout = failures < threshold ? TimeSpan.Zero : LockoutAfter(failures);
            _entries.Set(user, new Entry(failures, now + lockout));
            return lockout;
        }
    }

    public void RecordSuccess(string user)
    {
        lock (_gate)
            _entries.Remove(user);
    }

    /// <summary>first · 2^(failures − threshold), capped: the threshold-th failure is the backoff's first.</summary>
    private TimeSpan LockoutAfter(int failures) => _lockouts.Delay(failures - threshold + 1);

    private Entry? Current(string user, DateTimeOffset now)
    {
        if (!_entries.TryGet(user, out var entry))
            return null;
        // Quiet for maxLockout after the lock ended (or after the last failure, when none locked): forget.
        if (now - entry.LockedUntil >= maxLockout)
        {
            _entries.Remove(user);
            return null;
        }
        return entry;
    }

    private readonly record struct Entry(int Failures, DateTimeOffset LockedUntil);
}
