using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartPark.Dashboard;
using SmartPark.Dashboard.Security;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>The security headers on every kind of answer: pages, APIs, static files, sign-in, refusals and errors.</summary>
public sealed class SecurityHeadersTests : DashboardOnItsOwnBroker
{
    private static void AssertHeaders(HttpResponseMessage response, string what, bool https = false)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        foreach (var directive in new[] { "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'" })
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(https == response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS {(https ? "missing over https" : "sent over plain http")}");
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_headers()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Dashboard.Url };
        foreach (var (path, status) in new[]
        {
            ("signin", HttpStatusCode.OK), ("signin.css", HttpStatusCode.OK), ("healthz", HttpStatusCode.OK),
            ("api/parks", HttpStatusCode.Unauthorized), ("parks/p-a", HttpStatusCode.Redirect), ("app.js", HttpStatusCode.Redirect),
        })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            AssertHeaders(response, path);
        }

        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        foreach (var (path, status) in new[]
        {
            ("", HttpStatusCode.OK), ("parks/p-a", HttpStatusCode.OK), ("parks/p-a/enterprises/e1", HttpStatusCode.OK), ("alerts", HttpStatusCode.OK),
            ("history", HttpStatusCode.OK), ("bureau", HttpStatusCode.OK), ("app.js", HttpStatusCode.OK), ("app.css", HttpStatusCode.OK),
            ("lib/signalr/signalr.min.js", HttpStatusCode.OK), ("lib/uplot/uPlot.iife.min.js", HttpStatusCode.OK), ("i18n/en.json", HttpStatusCode.OK),
            ("api/parks", HttpStatusCode.OK), ("api/parks/p-a/devices", HttpStatusCode.OK), ("api/parks/p-b/devices", HttpStatusCode.Forbidden),
            ("parks/p-b", HttpStatusCode.Forbidden), ("api/parks/-/devices", HttpStatusCode.Forbidden), ("no-such-file", HttpStatusCode.NotFound),
        })
        {
            using var response = await op.Http.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode}");
            AssertHeaders(response, path);
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        // The real app on an https listener with a throw-away certificate.
        var dir = Directory.CreateTempSubdirectory("smartpark-https-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var pfx = Path.Combine(dir, "dashboard.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test"));
            var port = FreePort.Next();
            var app = DashboardApp.Build(
            [
                $"--Urls=https://127.0.0.1:{port}",
                $"--Kestrel:Certificates:Default:Path={pfx}",
                "--Kestrel:Certificates:Default:Password=test",
                $"--Dashboard:Broker:Port={Broker.Port}",
                $"--Dashboard:UsersPath={TestUser.WriteFile(dir, TestUser.Standard)}",
                "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync();
            try
            {
                var thumbprint = certificate.Thumbprint;
                using var https = new HttpClient(new HttpClientHandler
                {
                    AllowAutoRedirect = false,
                    ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint,
                })
                { BaseAddress = new Uri($"https://127.0.0.1:{port}/") };
                foreach (var (path, status) in new[] { ("signin", HttpStatusCode.OK), ("api/parks", HttpStatusCode.Unauthorized), ("parks/p-a", HttpStatusCode.Redirect) })
                {
                    using var response = await https.GetAsync(path);
                    Assert.Equal(status, response.StatusCode);
                    AssertHeaders(response, path, https: true);
                    Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
                }
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
