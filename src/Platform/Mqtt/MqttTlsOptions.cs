namespace SmartPark.Platform.Mqtt;

/// <summary>
/// Section <c>…:Broker:Tls</c>: MQTT over TLS for a client. The server is always verified: its
/// chain against <see cref="CaPath"/> (the park's CA only) or, without one, the system's trusted
/// roots, and its name against <see cref="ServerName"/> or the broker host.
/// </summary>
public sealed record MqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM: the CA certificate(s) the broker's certificate must chain to. Null: the system store.</summary>
    public string? CaPath { get; set; }

    /// <summary>The name the broker's certificate must carry, when it is not the host connected to
    /// (for example when connecting by IP address to a certificate issued for a name).</summary>
    public string? ServerName { get; set; }

    /// <summary>PEM: this client's certificate and its private key, for a broker that asks for one.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }

    /// <summary>Check revocation online. Off by default: park CAs publish no revocation lists and park
    /// networks are often offline, where an online check only stalls the handshake.</summary>
    public bool CheckRevocation { get; set; }
}
