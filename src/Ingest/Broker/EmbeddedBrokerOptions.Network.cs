using System.Security.Authentication;

namespace SmartPark.Ingest.Broker;

/// <summary>The embedded broker's listeners and the limits it applies before anyone has logged in.</summary>
public sealed partial class EmbeddedBrokerOptions
{
    /// <summary>The plaintext listener on <see cref="BindAddress"/>:<see cref="Port"/>. Turn it off
    /// when every client speaks TLS (Ingest's own consumer included).</summary>
    public bool PlaintextEnabled { get; set; } = true;

    /// <summary>A plaintext listener on an address other than loopback carries every device's
    /// password in clear: Ingest refuses to start with one unless this says the network is trusted.</summary>
    public bool AllowPlaintextOnNetwork { get; set; }

    /// <summary>Without a registry the broker lets anyone in: Ingest refuses to start with a listener on
    /// an address other than loopback unless this says so.</summary>
    public bool AllowAnonymousOnNetwork { get; set; }

    public EmbeddedBrokerTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// The largest MQTT packet a client may send, as its remaining length. A bigger claim closes
    /// the connection before any buffer for it exists. A telemetry batch is at most 64 KiB
    /// (<c>TelemetryBatch.MaxPayloadBytes</c>); 1 MiB leaves room for any status, alert or rule
    /// document and for a topic and properties, and bounds what one connection can make Ingest hold.
    /// </summary>
    public int MaxPacketBytes { get; set; } = 1 << 20;

    /// <summary>
    /// Open connections (logged in or not) across all listeners. A park of 1,000+ devices holds one
    /// connection each plus Ingest, the Dashboard and the Uplink; a reconnect storm briefly holds a
    /// device's old half-open connection and its new one until keep-alive expires. 5,000 is that with
    /// room to spare, and at a few tens of KB each it bounds the memory idle connections can take.
    /// </summary>
    public int MaxConnections { get; set; } = 5_000;

    /// <summary>
    /// Open connections from one IP address. Devices behind a park's or an enterprise's NAT router
    /// share its address: 200 covers an enterprise's devices twice over (old and new connection in a
    /// reconnect storm) while one host alone cannot take the whole budget. Raise it when a whole
    /// park sits behind one address.
    /// </summary>
    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>From accepting the TCP connection until its CONNECT packet has fully arrived (TLS
    /// handshake included). A client that sends nothing, or trickles, is closed then.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Kernel receive and send buffer of each accepted connection (0: the system's default).</summary>
    public int SocketBufferBytes { get; set; }
}

/// <summary>Section <c>EmbeddedBroker:Tls</c>: the MQTT-over-TLS listener.</summary>
public sealed class EmbeddedBrokerTlsOptions
{
    public bool Enabled { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";
    public int Port { get; set; } = SmartPark.Platform.Hosting.DefaultPorts.MqttTls;

    /// <summary>PEM: the server certificate, optionally followed by its intermediate CA certificates.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM: the certificate's private key (PKCS#8, PKCS#1 or SEC1).</summary>
    public string? KeyPath { get; set; }

    public ClientCertificateMode ClientCertificates { get; set; } = ClientCertificateMode.None;

    /// <summary>PEM: the CA certificate(s) a client certificate must chain to (needed unless
    /// <see cref="ClientCertificates"/> is <see cref="ClientCertificateMode.None"/>).</summary>
    public string? ClientCaPath { get; set; }

    /// <summary>TLS 1.2 and 1.3 only.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
}

/// <summary>Whether a TLS client must show a certificate signed by <see cref="EmbeddedBrokerTlsOptions.ClientCaPath"/>.</summary>
public enum ClientCertificateMode
{
    /// <summary>Not asked for.</summary>
    None,

    /// <summary>Asked for; a client without one may still log in with its password, one with a bad one may not.</summary>
    Allow,

    /// <summary>A connection without a valid client certificate is refused during the handshake.</summary>
    Require,
}
