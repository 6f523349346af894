using System.Net;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Guessing passwords, redirects and cookies, against the real Dashboard in-process.</summary>
public sealed class SignInDefenceTests : IAsyncLifetime
{
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public Task DisposeAsync() => _broker.DisposeAsync().AsTask();

    private Task<DashboardHost> Dashboard(params string[] args) =>
        DashboardHost.StartAsync(_broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", args);

    private static string Failed(string returnUrl = "/") => "/signin?failed=true&returnUrl=" + Uri.EscapeDataString(returnUrl);

    [Fact]
    public async Task An_address_over_its_limit_gets_429_with_Retry_After_counted_in_metrics()
    {
        await using var dashboard = await Dashboard("--Dashboard:SignIn:AttemptsPerAddress=3");
        using var form = new RawSignIn(dashboard.Url);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync("nobody" + i, "guess")).StatusCode);

        using var refused = await form.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(RawSignIn.SetCookies(refused), c => c.StartsWith("smartpark.auth", StringComparison.Ordinal));

        // Another client (as a trusted proxy reports it) is not held back by this one.
        using var other = new RawSignIn(dashboard.Url, ("X-Forwarded-For", "192.0.2.77"));
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password)).StatusCode);

        using var http = new HttpClient { BaseAddress = dashboard.Url };
        var metrics = await http.GetStringAsync("metrics");
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("smartpark_dashboard_signin_refused_total{", StringComparison.Ordinal) && l.Contains("reason=\"address_rate\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_name_over_its_limit_gets_429_from_every_address()
    {
        await using var dashboard = await Dashboard("--Dashboard:SignIn:AttemptsPerUser=2");
        for (var i = 0; i < 2; i++)
        {
            using var client = new RawSignIn(dashboard.Url, ("X-Forwarded-For", $"192.0.2.{i + 1}"));
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(TestUser.OperatorA.Name, "guess")).StatusCode);
        }
        using var third = new RawSignIn(dashboard.Url, ("X-Forwarded-For", "192.0.2.3"));
        using var refused = await third.PostAsync(TestUser.OperatorA.Name, TestUser.OperatorA.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Five_failures_lock_a_name_known_or_not_and_the_lock_looks_like_a_wrong_password()
    {
        await using var dashboard = await Dashboard();
        using var form = new RawSignIn(dashboard.Url);
        foreach (var name in new[] { TestUser.OperatorA.Name, "nobody" })
        {
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await form.PostAsync(name, "guess" + i);
                Assert.Equal(Failed(), wrong.Headers.Location?.OriginalString);
            }
        }
        // The right password of the locked real user is answered exactly as the unknown name's guess.
        using var locked = await form.PostAsync(TestUser.OperatorA.Name, TestUser.OperatorA.Password);
        using var unknown = await form.PostAsync("nobody", "nobody-pw");
        Assert.Equal((HttpStatusCode.Redirect, Failed()), (locked.StatusCode, locked.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, Failed()), (unknown.StatusCode, unknown.Headers.Location?.OriginalString));
        Assert.DoesNotContain(RawSignIn.SetCookies(locked), c => c.StartsWith("smartpark.auth", StringComparison.Ordinal));

        // Other names are not affected.
        using var admin = await form.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password);
        Assert.Equal("/", admin.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_with_a_foreign_return_url_lands_on_a_local_path()
    {
        await using var dashboard = await Dashboard("--Dashboard:SignIn:AttemptsPerAddress=1000", "--Dashboard:SignIn:AttemptsPerUser=1000");
        using var form = new RawSignIn(dashboard.Url);
        string[] foreign =
        [
            "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example",
            "%2F%2Fevil.example", "/%2F/evil.example", "/%5Cevil.example", "/%09/evil.example", "https://evil.example",
            "javascript:alert(1)", "//user@evil.example", "/@evil.example", "~//evil.example",
        ];
        foreach (var returnUrl in foreign)
        {
            using var response = await form.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password, returnUrl);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
            // Interleaved with successes, which reset the lockout count.
            using var wrong = await form.PostAsync(TestUser.Admin.Name, "wrong", returnUrl);
            Assert.Equal(Failed(), wrong.Headers.Location?.OriginalString);
        }
        using var local = await form.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password, "/parks/p-a?x=1");
        Assert.Equal("/parks/p-a?x=1", local.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_return_url_on_the_form_is_attribute_encoded()
    {
        await using var dashboard = await Dashboard();
        using var http = new HttpClient { BaseAddress = dashboard.Url };
        var page = await http.GetStringAsync("signin?returnUrl=" + Uri.EscapeDataString("/parks/\"><img src=x onerror=alert(1)>"));
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/parks/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_HttpOnly_SameSite_and_Secure_when_a_trusted_proxy_says_https()
    {
        await using var dashboard = await Dashboard();
        using var plain = new RawSignIn(dashboard.Url);
        using var overHttp = await plain.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password);
        var auth = RawSignIn.SetCookies(overHttp).Single(c => c.StartsWith("smartpark.auth", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", auth, StringComparison.Ordinal);

        // From loopback (the default trusted proxy), X-Forwarded-Proto: https makes both cookies Secure.
        using var proxied = new RawSignIn(dashboard.Url, ("X-Forwarded-Proto", "https"));
        using var overHttps = await proxied.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, overHttps.StatusCode);
        auth = RawSignIn.SetCookies(overHttps).Single(c => c.StartsWith("smartpark.auth", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", auth, StringComparison.Ordinal);
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        var antiforgery = proxied.FormCookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.Ordinal);
        Assert.Contains("httponly", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X_Forwarded_Proto_from_an_untrusted_address_is_ignored()
    {
        // Only 192.0.2.1 is a trusted proxy: the test's loopback connection is not.
        await using var dashboard = await Dashboard("--Dashboard:KnownProxies:0=192.0.2.1");
        using var spoofing = new RawSignIn(dashboard.Url, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "192.0.2.200"));
        using var response = await spoofing.PostAsync(TestUser.Admin.Name, TestUser.Admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = RawSignIn.SetCookies(response).Single(c => c.StartsWith("smartpark.auth", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.DoesNotContain("secure", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", spoofing.FormCookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
