using System.Globalization;
using System.Text;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// A mosquitto.conf listener block for MQTT over TLS (TLS 1.2 at least), written by
/// <c>mosquitto-auth</c> next to the password and ACL files. With <see cref="RequireCertificate"/>
/// a client must also show a certificate signed by <see cref="CaFile"/>; its password is still checked.
/// </summary>
public sealed record MosquittoTlsListener(int Port, string CaFile, string CertFile, string KeyFile, bool RequireCertificate, string? BindAddress = null)
{
    public const string FileName = "tls-listener.conf";

    public string ConfigSnippet()
    {
        var text = new StringBuilder();
        text.Append("# MQTT over TLS. Mosquitto reads certfile/keyfile as its own user: make them readable to it.\n");
        text.Append(CultureInfo.InvariantCulture, $"listener {Port}{(BindAddress is null ? "" : " " + BindAddress)}\n");
        text.Append("cafile ").Append(CaFile).Append('\n');
        text.Append("certfile ").Append(CertFile).Append('\n');
        text.Append("keyfile ").Append(KeyFile).Append('\n');
        text.Append("tls_version tlsv1.2\n");
        text.Append("require_certificate ").Append(RequireCertificate ? "true" : "false").Append('\n');
        return text.ToString();
    }
}
