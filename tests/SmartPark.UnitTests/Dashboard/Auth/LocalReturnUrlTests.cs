using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard.Auth;

public sealed class LocalReturnUrlTests
{
    /// <summary>Ways to name another site in a "path"; each must become "/".</summary>
    private static readonly string[] ForeignUrls =
    [
        "//evil.example",
        "//evil.example/parks/p-a",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0/evil.example",
        "/\u007f/evil.example",
        "/\u0085/evil.example",
        "\t//evil.example",
        " //evil.example",
        "%2F%2Fevil.example",
        "%2f%2fevil.example",
        "/%2F/evil.example",
        "/%2f/evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "https://evil.example",
        "http://evil.example/",
        "HTTPS://evil.example",
        "https:evil.example",
        "//user@evil.example",
        "/@evil.example",
        "/parks@evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "~/parks",
        "~//evil.example",
        "evil.example",
        "parks/p-a",
        "",
        "   ",
    ];

    private static readonly string[] LocalUrls =
    [
        "/",
        "/parks/p-a",
        "/parks/p-a/enterprises/e-1",
        "/history?park=p-a&from=2026-12-01",
        "/alerts#open",
        "/parks/%E7%99%BD%E4%BA%91",
    ];

    public static TheoryData<string> Foreign { get; } = new(ForeignUrls);

    public static TheoryData<string> Local { get; } = new(LocalUrls);

    [Theory]
    [MemberData(nameof(Foreign))]
    public void A_url_that_could_leave_the_site_becomes_the_root(string url)
    {
        Assert.False(LocalReturnUrl.IsLocal(url));
        Assert.Equal("/", AuthEndpoints.SafeReturnUrl(url));
    }

    [Theory]
    [MemberData(nameof(Local))]
    public void A_path_on_this_site_is_kept(string url) => Assert.Equal(url, AuthEndpoints.SafeReturnUrl(url));

    [Fact]
    public void Null_becomes_the_root() => Assert.Equal("/", AuthEndpoints.SafeReturnUrl(null));

    [Fact]
    public void It_never_accepts_what_the_framework_s_IsLocalUrl_refuses()
    {
        var framework = new UrlHelper(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));
        foreach (var url in ForeignUrls.Concat(LocalUrls))
        {
            if (LocalReturnUrl.IsLocal(url))
                Assert.True(framework.IsLocalUrl(url), $"accepted what IsLocalUrl refuses: {url}");
        }
    }
}
