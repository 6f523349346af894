using System.Globalization;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// The one table of SmartPark's default ports: each service's HTTP default (<c>Urls</c> when unset),
/// the broker's and InfluxDB's. No two share a number, so every part can run on one machine with
/// its defaults (DefaultPortsTests checks it). Deployments override with <c>SMARTPARK_Urls</c>;
/// <c>./smartpark demo</c> and the tests take free ports instead.
/// </summary>
public static class DefaultPorts
{
    public const int Ingest = 8060;
    public const int EdgeAgent = 8070;
    public const int Uplink = 8071;
    public const int Dashboard = 8080;
    public const int BureauPlatform = 8090;

    /// <summary>The simulated bureau platform's HJ 212 TCP listener.</summary>
    public const int BureauPlatformHj212 = 9212;

    /// <summary>MQTT, plain (the embedded broker's and every client's default).</summary>
    public const int Mqtt = 1883;

    /// <summary>MQTT over TLS (the embedded broker's TLS listener, Mosquitto's).</summary>
    public const int MqttTls = 8883;

    /// <summary>InfluxDB's HTTP API.</summary>
    public const int InfluxDb = 8086;

    /// <summary>Every port above by what listens on it, for the clash test and the docs.</summary>
    public static IReadOnlyList<(string Name, int Port)> All { get; } =
    [
        (nameof(Ingest), Ingest),
        (nameof(EdgeAgent), EdgeAgent),
        (nameof(Uplink), Uplink),
        (nameof(Dashboard), Dashboard),
        (nameof(BureauPlatform), BureauPlatform),
        (nameof(BureauPlatformHj212), BureauPlatformHj212),
        (nameof(Mqtt), Mqtt),
        (nameof(MqttTls), MqttTls),
        (nameof(InfluxDb), InfluxDb),
    ];

    /// <summary>The HTTP port <paramref name="service"/> listens on when <c>Urls</c> is unset.</summary>
    public static int HttpPortOf(ServiceName service) => service switch
    {
        ServiceName.Ingest => Ingest,
        ServiceName.EdgeAgent => EdgeAgent,
        ServiceName.Uplink => Uplink,
        ServiceName.Dashboard => Dashboard,
        ServiceName.BureauPlatform => BureauPlatform,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "no port in the table"),
    };

    /// <summary>Loopback only by default: exposing a service is a deployment's decision.</summary>
    public static string DefaultUrlOf(ServiceName service) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPortOf(service)}");
}
