using System.ComponentModel.DataAnnotations;
using SmartPark.Platform.Hosting;

namespace SmartPark.Platform.Mqtt;

/// <summary>Where and how a service or agent connects to the broker.</summary>
public sealed record MqttEndpointOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPorts.Mqtt;
    public string ClientId { get; set; } = "";
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>MQTT over TLS, verifying the broker; off by default (loopback plaintext).</summary>
    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>False keeps the broker-side session (subscriptions and queued QoS 1 messages)
    /// across reconnects, for <see cref="SessionExpirySeconds"/>.</summary>
    public bool CleanStart { get; set; } = true;

    public uint SessionExpirySeconds { get; set; }
    /// <summary>QoS 1 messages the broker may have unacknowledged with us at once (0: the protocol's default).</summary>
    public ushort ReceiveMaximum { get; set; }

    /// <summary>Kernel send and receive buffer of the socket. MQTTnet sets both to 8 KiB unless told
    /// otherwise, and a fixed SO_RCVBUF switches off Linux's window autotuning: a busy subscriber
    /// then gets about 10 KB per round trip and can fall to a few hundred messages a second
    /// (measured with <c>./smartpark bench ingest</c>). The kernel caps it at net.core.rmem_max.</summary>
    public int SocketBufferBytes { get; set; } = 1 << 20;

    [Range(0, 65535)]
    public int KeepAliveSeconds { get; set; } = 15;
    [Range(1, 3600)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>First and longest wait between failed connection attempts.</summary>
    [PositiveDuration]
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    [PositiveDuration]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);
}
