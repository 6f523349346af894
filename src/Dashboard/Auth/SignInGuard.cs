using System.Net;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Diagnostics;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// What stands between a sign-in form and the password hasher: a rate limit per client address
/// and per user name, then the user name's lockout. Asked before any password work, so a flood
/// of guesses costs the server almost nothing. Refusals are counted and logged with a throttle.
/// </summary>
public sealed class SignInGuard
{
    private readonly SignInOptions _options;
    private readonly KeyedRateLimiter _addresses;
    private readonly KeyedRateLimiter _users;
    private readonly SignInLockout _lockout;
    private readonly SecurityMetrics _metrics;
    private readonly LogThrottle _logThrottle;
    private readonly ILogger<SignInGuard> _logger;

    public SignInGuard(IOptions<SignInOptions> options, TimeProvider time, SecurityMetrics metrics, ILogger<SignInGuard> logger)
    {
        _options = options.Value;
        _addresses = new KeyedRateLimiter(time, _options.AttemptsPerAddress, _options.Window, _options.MaxTrackedKeys);
        _users = new KeyedRateLimiter(time, _options.AttemptsPerUser, _options.Window, _options.MaxTrackedKeys);
        _lockout = new SignInLockout(time, _options.FailuresBeforeLockout, _options.FirstLockout, _options.MaxLockout, _options.MaxTrackedKeys);
        _metrics = metrics;
        _logThrottle = new LogThrottle(time, TimeSpan.FromMinutes(1));
        _logger = logger;
    }

    /// <summary>Whether an attempt may go on to password verification.</summary>
    public SignInAdmission Admit(IPAddress? address, string? user)
    {
        var from = ClientKey(address);
        if (!_addresses.TryAcquire(from, out var wait))
            return Refuse("address_rate", from, user, SignInAdmission.TooMany(wait));
        if (string.IsNullOrEmpty(user))
            return SignInAdmission.Go;
        if (user.Length > _options.MaxUserNameLength)
            return Refuse("wrong_credentials", from, null, SignInAdmission.Wrong);
        if (!_users.TryAcquire(user, out wait))
            return Refuse("user_rate", from, user, SignInAdmission.TooMany(wait));
        if (_lockout.IsLocked(user, out _))
            return Refuse("locked", from, user, SignInAdmission.Wrong);
        return SignInAdmission.Go;
    }

    public void Failed(IPAddress? address, string? user)
    {
        var from = ClientKey(address);
        _metrics.SignInsRefused.Add(1, new KeyValuePair<string, object?>("reason", "wrong_credentials"));
        if (string.IsNullOrEmpty(user) || user.Length > _options.MaxUserNameLength)
            return;
        var locked = _lockout.RecordFailure(user);
        if (locked > TimeSpan.Zero)
        {
            _metrics.Lockouts.Add(1);
            if (_logThrottle.ShouldLog("lockout|" + user, out var heldBack))
                _logger.LogWarning("Sign-in name {User} locked for {Lockout} after repeated failures (last from {Address}; {HeldBack} more since the last report)", user, locked, from, heldBack);
        }
    }

    public void Succeeded(string user) => _lockout.RecordSuccess(user);

    /// <summary>
    /// The key an address is limited under: IPv4 as is, IPv6 by its /64, since one host or home
    /// line is given a whole /64 and could otherwise rotate addresses for fresh buckets.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private SignInAdmission Refuse(string reason, string from, string? user, SignInAdmission admission)
    {
        _metrics.SignInsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (_logThrottle.ShouldLog(reason + "|" + from, out var heldBack))
            _logger.LogWarning("Sign-in refused ({Reason}) from {Address} for {User}; {HeldBack} more like it since the last report", reason, from, user, heldBack);
        return admission;
    }
}

/// <summary>The guard's answer: go on, answer as a wrong password (locked, absurd name), or 429 with a wait.</summary>
public sealed record SignInAdmission(bool Proceed, TimeSpan? RetryAfter)
{
    public static SignInAdmission Go { get; } = new(true, null);
    public static SignInAdmission Wrong { get; } = new(false, null);
    public static SignInAdmission TooMany(TimeSpan wait) => new(false, wait);
}
