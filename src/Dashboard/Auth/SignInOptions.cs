namespace SmartPark.Dashboard.Auth;

/// <summary>Section <c>Dashboard:SignIn</c>: how hard guessing passwords is made.</summary>
public sealed class SignInOptions
{
    public const string Section = "Dashboard:SignIn";

    /// <summary>Sign-in attempts one client address may make per <see cref="Window"/> (a burst of this many, then evenly).</summary>
    public int AttemptsPerAddress { get; set; } = 20;

    /// <summary>Sign-in attempts per user name (from any address) per <see cref="Window"/>.</summary>
    public int AttemptsPerUser { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive failures that lock a user name; each further failure doubles the lock.</summary>
    public int FailuresBeforeLockout { get; set; } = 5;

    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest lock; also how long after a lock ends a name's failures are remembered.</summary>
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Addresses and names each tracker remembers at most (least recently used forgotten first).</summary>
    public int MaxTrackedKeys { get; set; } = 10_000;

    /// <summary>Longer names are refused as wrong before any other work.</summary>
    public int MaxUserNameLength { get; set; } = 128;
}
