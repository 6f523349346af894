using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SmartPark.Ingest.Broker.Transport;

/// <summary>
/// The TLS side of the broker's TLS listener, loaded once at start from PEM files: the server
/// certificate with its chain, TLS 1.2+ only, and, when configured, client certificates checked
/// against the park's own CA (never the system store: any public CA's customer is no device of ours).
/// </summary>
public sealed class BrokerTls
{
    private readonly SslServerAuthenticationOptions _options;

    private BrokerTls(SslServerAuthenticationOptions options) => _options = options;

    public static BrokerTls Load(EmbeddedBrokerTlsOptions o)
    {
        var certificatePath = o.CertificatePath ?? throw new InvalidOperationException("EmbeddedBroker:Tls:CertificatePath is not set");
        var keyPath = o.KeyPath ?? throw new InvalidOperationException("EmbeddedBroker:Tls:KeyPath is not set");
        X509Certificate2 leaf;
        var chain = new X509Certificate2Collection();
        try
        {
            leaf = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            chain.ImportFromPemFile(certificatePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"EmbeddedBroker:Tls: cannot load the certificate {certificatePath} with key {keyPath}: {ex.Message}", ex);
        }
        // The file may hold the chain after the leaf; the leaf itself is not an intermediate.
        var intermediates = new X509Certificate2Collection();
        foreach (var c in chain)
        {
            if (c.Thumbprint != leaf.Thumbprint)
                intermediates.Add(c);
        }

        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(leaf, intermediates, offline: true),
            EnabledSslProtocols = EmbeddedBrokerTlsOptions.Protocols,
            EncryptionPolicy = EncryptionPolicy.RequireEncryption,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ClientCertificateRequired = o.ClientCertificates != ClientCertificateMode.None,
            AllowRenegotiation = false,
        };
        if (o.ClientCertificates != ClientCertificateMode.None)
        {
            var caPath = o.ClientCaPath ?? throw new InvalidOperationException("EmbeddedBroker:Tls:ClientCaPath is not set");
            var ca = new X509Certificate2Collection();
            try
            {
                ca.ImportFromPemFile(caPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"EmbeddedBroker:Tls: cannot load the client CA {caPath}: {ex.Message}", ex);
            }
            if (ca.Count == 0)
                throw new InvalidOperationException($"EmbeddedBroker:Tls:ClientCaPath {caPath} holds no certificate");
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(ca);
            policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2")); // clientAuth
            options.CertificateChainPolicy = policy;
            var allowWithout = o.ClientCertificates == ClientCertificateMode.Allow;
            // "Allow": a client that shows no certificate passes; one that shows a bad one does not.
            options.RemoteCertificateValidationCallback = (_, _, _, errors) =>
                errors == SslPolicyErrors.None || (allowWithout && errors == SslPolicyErrors.RemoteCertificateNotAvailable);
        }
        return new BrokerTls(options);
    }

    /// <summary>The same options for every handshake (SslStream does not change them).</summary>
    public SslServerAuthenticationOptions ServerOptions => _options;
}
