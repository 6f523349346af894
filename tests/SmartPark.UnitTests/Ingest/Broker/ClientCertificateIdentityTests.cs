using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartPark.Ingest.Broker;

namespace SmartPark.UnitTests.Ingest.Broker;

public sealed class ClientCertificateIdentityTests
{
    private static X509Certificate2 Certificate(string subject, params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (dnsNames.Length > 0)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
                names.AddDnsName(name);
            request.CertificateExtensions.Add(names.Build());
        }
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void The_common_name_is_the_account()
    {
        using var certificate = Certificate("CN=by-e07-edge1, O=Baiyun Shimen park");
        Assert.True(ClientCertificateIdentity.IsIssuedTo(certificate, "by-e07-edge1"));
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, "by-e07-edge2"));
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, "BY-E07-EDGE1"));
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, "Baiyun Shimen park"));
    }

    [Fact]
    public void A_dns_name_is_the_account_too()
    {
        using var certificate = Certificate("CN=edge gateway", "by-e07-edge1", "by-e07-edge1.park.local");
        Assert.Equal(["edge gateway", "by-e07-edge1", "by-e07-edge1.park.local"], ClientCertificateIdentity.NamesOf(certificate));
        Assert.True(ClientCertificateIdentity.IsIssuedTo(certificate, "by-e07-edge1"));
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, "by-e07-edge"));
    }

    [Fact]
    public void A_certificate_without_names_is_issued_to_no_account()
    {
        using var certificate = Certificate("O=No name");
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, ""));
        Assert.False(ClientCertificateIdentity.IsIssuedTo(certificate, "O=No name"));
    }
}
