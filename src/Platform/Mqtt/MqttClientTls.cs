using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace SmartPark.Platform.Mqtt;

/// <summary>
/// Turns <see cref="MqttTlsOptions"/> into MQTTnet's client TLS options, for every SmartPark client
/// (services, agent, simulators). Certificates are read from their files at each connect, so a
/// renewed certificate is used on the next reconnect. TLS 1.2 and 1.3 only.
/// With a stream provider (<c>BufferedTcpStreamProvider</c>), MQTTnet puts its SslStream on top of
/// the provider's stream, so TLS and the read buffer compose.
/// </summary>
public static class MqttClientTls
{
    public static MqttClientOptionsBuilder WithSmartParkTls(this MqttClientOptionsBuilder builder, string host, MqttTlsOptions? tls)
    {
        if (tls is not { Enabled: true })
            return builder;
        return builder.WithTlsOptions(Build(host, tls));
    }

    public static MqttClientTlsOptions Build(string host, MqttTlsOptions tls)
    {
        var options = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithTargetHost(string.IsNullOrWhiteSpace(tls.ServerName) ? host : tls.ServerName)
            .WithRevocationMode(tls.CheckRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck)
            .WithAllowRenegotiation(false);
        if (!string.IsNullOrWhiteSpace(tls.CaPath))
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPemFile(tls.CaPath);
            if (ca.Count == 0)
                throw new InvalidOperationException($"Broker:Tls:CaPath {tls.CaPath} holds no certificate");
            // Only this CA is trusted (MQTTnet's custom root trust), not the system store.
            options.WithTrustChain(ca);
        }
        if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath))
        {
            if (string.IsNullOrWhiteSpace(tls.ClientKeyPath))
                throw new InvalidOperationException("Broker:Tls:ClientCertificatePath is set but Broker:Tls:ClientKeyPath is not");
            options.WithClientCertificates([X509Certificate2.CreateFromPemFile(tls.ClientCertificatePath, tls.ClientKeyPath)]);
        }
        return options.Build();
    }
}
