using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartPark.TestSupport;

/// <summary>
/// A throwaway PKI made in-process for the TLS tests, as PEM files in a temporary folder: a park
/// CA, a broker certificate it signed for <c>localhost</c> and 127.0.0.1, a client certificate it
/// signed, and a second CA that signed nothing here (a client that trusts only it must refuse the broker).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }
    public string CaPath => Path.Combine(Directory, "ca.pem");
    public string ServerCertificatePath => Path.Combine(Directory, "server.pem");
    public string ServerKeyPath => Path.Combine(Directory, "server.key");
    public string ClientCertificatePath => Path.Combine(Directory, "client.pem");
    public string ClientKeyPath => Path.Combine(Directory, "client.key");
    public string OtherCaPath => Path.Combine(Directory, "other-ca.pem");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(System.IO.Directory.CreateTempSubdirectory("smartpark-pki-").FullName);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("CN=SmartPark test park CA", caKey);
        File.WriteAllText(certificates.CaPath, ca.ExportCertificatePem());

        using (var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            using var server = Issue(ca, "CN=localhost", serverKey, "1.3.6.1.5.5.7.3.1", names.Build());
            File.WriteAllText(certificates.ServerCertificatePath, server.ExportCertificatePem());
            File.WriteAllText(certificates.ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        }
        using (var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            using var client = Issue(ca, "CN=test-device", clientKey, "1.3.6.1.5.5.7.3.2", null);
            File.WriteAllText(certificates.ClientCertificatePath, client.ExportCertificatePem());
            File.WriteAllText(certificates.ClientKeyPath, clientKey.ExportPkcs8PrivateKeyPem());
        }
        using (var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        using (var other = CreateCa("CN=Someone else's CA", otherKey))
            File.WriteAllText(certificates.OtherCaPath, other.ExportCertificatePem());
        return certificates;
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, ECDsa key, string usageOid, X509Extension? names)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
            request.CertificateExtensions.Add(names);
        return request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(16));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
