using System.Security.Cryptography.X509Certificates;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// Ties a client certificate to the account that logs in with it: the certificate's subject
/// common name, or one of its DNS subject alternative names, must be the user name. Without this,
/// a device holding its own certificate (signed by the park CA) could log in with another
/// device's password, and a stolen password would still need only some certificate of the park.
/// </summary>
public static class ClientCertificateIdentity
{
    /// <summary>The names a certificate was issued to: its subject CN, then its DNS names.</summary>
    public static IReadOnlyList<string> NamesOf(X509Certificate2 certificate)
    {
        var names = new List<string>();
        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.IsNullOrEmpty(commonName))
            names.Add(commonName);
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
            names.AddRange(extension.EnumerateDnsNames());
        return names;
    }

    /// <summary>True when <paramref name="username"/> is one of the names the certificate was issued to (exactly, case and all).</summary>
    public static bool IsIssuedTo(X509Certificate2 certificate, string username) =>
        NamesOf(certificate).Contains(username, StringComparer.Ordinal);
}
