using Microsoft.Extensions.Configuration;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Simulator.Commands;

/// <summary>The TLS switches every simulator command that talks to a broker takes.</summary>
public static class TlsArguments
{
    public const string Usage = """
          --tls                MQTT over TLS, the broker verified against the system's trusted roots
          --tls-ca FILE        MQTT over TLS, the broker verified against this CA (PEM) only
          --tls-server-name N  the name the broker's certificate must carry (default: the broker host)
          --tls-cert FILE      client certificate (PEM), with --tls-key FILE its private key
        """;

    public static readonly string[] Flags = ["--tls"];

    public static IEnumerable<KeyValuePair<string, string>> Switches =>
    [
        new("--tls", "tls"),
        new("--tls-ca", "tlsCa"),
        new("--tls-server-name", "tlsServerName"),
        new("--tls-cert", "tlsCert"),
        new("--tls-key", "tlsKey"),
    ];

    /// <summary>Adds the TLS switches to a command's own.</summary>
    public static Dictionary<string, string> With(Dictionary<string, string> switches)
    {
        foreach (var (flag, key) in Switches)
            switches[flag] = key;
        return switches;
    }

    public static MqttTlsOptions From(IConfiguration config)
    {
        var ca = config["tlsCa"];
        var enabled = ca is not null || (config["tls"] is { } flag && !string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase));
        return new MqttTlsOptions
        {
            Enabled = enabled,
            CaPath = ca,
            ServerName = config["tlsServerName"],
            ClientCertificatePath = config["tlsCert"],
            ClientKeyPath = config["tlsKey"],
        };
    }
}
