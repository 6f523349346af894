using System.Net;
using SmartPark.Ingest.Broker;
using SmartPark.Ingest.Broker.Transport;

namespace SmartPark.UnitTests.Ingest.Broker;

public sealed class BrokerExposureTests
{
    [Fact]
    public void Loopback_plaintext_is_fine_with_or_without_a_registry()
    {
        Assert.Empty(BrokerExposure.Problems(new EmbeddedBrokerOptions(), registryConfigured: false));
        Assert.Empty(BrokerExposure.Problems(new EmbeddedBrokerOptions { BindAddress = "::1" }, registryConfigured: true));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.0.2.10")]
    public void Plaintext_on_the_network_needs_the_setting_that_says_so(string address)
    {
        var problems = BrokerExposure.Problems(new EmbeddedBrokerOptions { BindAddress = address }, registryConfigured: true);
        Assert.Contains(problems, p => p.Contains("AllowPlaintextOnNetwork", StringComparison.Ordinal));
        Assert.Empty(BrokerExposure.Problems(new EmbeddedBrokerOptions { BindAddress = address, AllowPlaintextOnNetwork = true }, registryConfigured: true));
    }

    [Fact]
    public void An_anonymous_broker_on_the_network_needs_the_setting_that_says_so_even_over_tls()
    {
        var options = new EmbeddedBrokerOptions
        {
            PlaintextEnabled = false,
            Tls = new() { Enabled = true, BindAddress = "0.0.0.0", CertificatePath = "c.pem", KeyPath = "k.pem" },
        };
        Assert.Contains(BrokerExposure.Problems(options, registryConfigured: false), p => p.Contains("AllowAnonymousOnNetwork", StringComparison.Ordinal));
        Assert.Empty(BrokerExposure.Problems(options, registryConfigured: true));
        options.AllowAnonymousOnNetwork = true;
        Assert.Empty(BrokerExposure.Problems(options, registryConfigured: false));
    }

    [Fact]
    public void Tls_without_its_files_or_a_client_ca_is_refused()
    {
        var noFiles = new EmbeddedBrokerOptions { Tls = new() { Enabled = true } };
        Assert.Contains(BrokerExposure.Problems(noFiles, true), p => p.Contains("CertificatePath", StringComparison.Ordinal));
        var noCa = new EmbeddedBrokerOptions { Tls = new() { Enabled = true, CertificatePath = "c", KeyPath = "k", ClientCertificates = ClientCertificateMode.Require } };
        Assert.Contains(BrokerExposure.Problems(noCa, true), p => p.Contains("ClientCaPath", StringComparison.Ordinal));
    }
}

public sealed class ConnectionLimiterTests
{
    [Fact]
    public void The_per_address_cap_refuses_the_next_one_from_that_address_only()
    {
        var limiter = new ConnectionLimiter(maxTotal: 100, maxPerAddress: 2);
        var a = IPAddress.Parse("192.0.2.1");
        Assert.Null(limiter.TryAcquire(a));
        Assert.Null(limiter.TryAcquire(a.MapToIPv6())); // the same host seen on a dual-stack socket
        Assert.Equal(TransportRefusals.TooManyFromAddress, limiter.TryAcquire(a));
        Assert.Null(limiter.TryAcquire(IPAddress.Parse("192.0.2.2")));
        limiter.Release(a);
        Assert.Null(limiter.TryAcquire(a));
    }

    [Fact]
    public void The_total_cap_refuses_the_next_one_from_anywhere()
    {
        var limiter = new ConnectionLimiter(maxTotal: 3, maxPerAddress: 10);
        for (var i = 1; i <= 3; i++)
            Assert.Null(limiter.TryAcquire(IPAddress.Parse($"192.0.2.{i}")));
        Assert.Equal(TransportRefusals.TooManyConnections, limiter.TryAcquire(IPAddress.Parse("192.0.2.9")));
        limiter.Release(IPAddress.Parse("192.0.2.1"));
        Assert.Null(limiter.TryAcquire(IPAddress.Parse("192.0.2.9")));
        Assert.Equal(3, limiter.Open);
    }
}
