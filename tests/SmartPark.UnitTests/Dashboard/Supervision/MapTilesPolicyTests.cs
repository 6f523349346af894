using SmartPark.Dashboard.Security;
using SmartPark.Dashboard.Supervision.Map;

namespace SmartPark.UnitTests.Dashboard.Supervision;

/// <summary>The map works with no tile server; a configured one is allowed as an image source, and only as that.</summary>
public sealed class MapTilesPolicyTests
{
    [Fact]
    public void Without_a_tile_server_the_policy_is_unchanged() =>
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, SecurityHeaders.PolicyWithTiles(MapOptions.TileOrigin(null)));

    [Theory]
    [InlineData("https://tiles.example.gov.cn/{z}/{x}/{y}.png", "https://tiles.example.gov.cn")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://10.1.2.3:8081/tiles/{z}/{x}/{y}.png", "http://10.1.2.3:8081")]
    public void A_tile_server_joins_img_src_alone(string url, string origin)
    {
        var policy = SecurityHeaders.PolicyWithTiles(MapOptions.TileOrigin(url));
        Assert.Contains($"img-src 'self' data: {origin};", policy, StringComparison.Ordinal);
        // Scripts, styles and connections stay this origin's own.
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy.Length + origin.Length + 1, policy.Length);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example; script-src *")]
    [InlineData("//tiles.example/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example 'unsafe-inline'/{z}")]
    public void Anything_but_a_plain_http_url_with_a_host_is_refused(string url) =>
        Assert.Throws<InvalidOperationException>(() => MapOptions.TileOrigin(url));
}
