using System.Text.RegularExpressions;

namespace SmartPark.Dashboard.Supervision.Map;

/// <summary>
/// Section <c>Dashboard:Map</c>. The parks map needs no internet: it draws parks and district
/// outlines on a blank background. A deployment with a tile server of its own (an intranet one,
/// or a licensed provider) sets <see cref="TileUrl"/> and the map gains a base layer; the
/// Content-Security-Policy then allows images from that origin, and from nowhere else.
/// </summary>
public sealed partial class MapOptions
{
    public const string Section = "Dashboard:Map";

    /// <summary>A Leaflet tile URL template, e.g. <c>https://tiles.example.gov.cn/{z}/{x}/{y}.png</c> (<c>{s}</c> subdomains allowed). None by default.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider requires, shown in the map's corner.</summary>
    public string? Attribution { get; set; }

    /// <summary>Highest zoom the tile server has.</summary>
    public int MaxZoom { get; set; } = 18;

    /// <summary>
    /// The origin to allow in <c>img-src</c> for a tile URL (<c>https://*.tile.example</c> for a
    /// <c>{s}</c> subdomain), or null without one. A URL that is not plain http(s) with a host
    /// is refused at start rather than written into the policy.
    /// </summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
            return null;
        var match = OriginPattern().Match(tileUrl.Trim());
        if (!match.Success)
            throw new InvalidOperationException($"{Section}:TileUrl must be an http(s) URL template with a host name, not '{tileUrl}'");
        return match.Groups["scheme"].Value.ToLowerInvariant() + "://" + match.Groups["host"].Value.Replace("{s}", "*", StringComparison.Ordinal).ToLowerInvariant();
    }

    // Host: letters, digits, dots, dashes, an optional {s} label and port; nothing that could end or extend a CSP directive.
    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>(\{s\}\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)(/|$)")]
    private static partial Regex OriginPattern();
}
