namespace SmartPark.Dashboard.Auth;

/// <summary>The Dashboard's settings (section <c>Dashboard</c>) for proxies, origins, sessions and cookie keys.</summary>
public sealed class WebSecurityOptions
{
    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are
    /// believed (client address for the sign-in limits; https for <c>Secure</c> cookies). Empty
    /// together with <see cref="KnownNetworks"/>: loopback only. Set, they replace loopback.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Origins besides the Dashboard's own (scheme://host[:port]) whose pages may open the hub.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Where the data-protection keys (which encrypt sign-in and anti-forgery cookies) are kept, so
    /// sessions survive a restart; created 0700. Empty: ASP.NET Core's default (the user profile's
    /// <c>~/.aspnet/DataProtection-Keys</c>, or memory only when there is no profile).
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>How often open hub connections are checked against the users file (HTTP requests are checked every time).</summary>
    public TimeSpan HubSessionRecheck { get; set; } = TimeSpan.FromSeconds(30);
}
