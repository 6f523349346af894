using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Hj212;

namespace SmartPark.Uplink.Points;

/// <summary>A monitoring point as the uplink runs it: the registry entry resolved against the options.</summary>
public sealed record PointConfig(
    string Mn,
    string Pw,
    string St,
    Hj212Version Version,
    bool Ack,
    string Host,
    int Port,
    DeviceAddress Device,
    IReadOnlyList<PollutantSource> Sources,
    TimeSpan DefaultRtdInterval,
    int DefaultMinInterval)
{
    public static PointConfig From(RegisteredMonitoringPoint registered, UplinkOptions options)
    {
        var point = registered.Point;
        var useOverride = !string.IsNullOrWhiteSpace(options.Platform.Host) && options.Platform.Port > 0;
        return new PointConfig(
            point.Mn,
            point.Pw,
            point.St,
            point.Version == 2025 ? Hj212Version.V2025 : Hj212Version.V2017,
            point.Ack,
            useOverride ? options.Platform.Host! : point.PlatformHost,
            useOverride ? options.Platform.Port : (int)point.PlatformPort,
            registered.Device,
            registered.Sources,
            point.RtdInterval is { } rtd ? TimeSpan.FromSeconds(rtd) : options.RtdInterval,
            point.MinInterval is { } min ? (int)min : options.MinInterval);
    }

    public int DataFlag => Hj212Flag.Of(Version, Ack);

    /// <summary>Same point, same settings: a registry reload that leaves a point alone does not restart it.</summary>
    public bool SameAs(PointConfig other) => this with { Sources = [] } == other with { Sources = [] } && Sources.SequenceEqual(other.Sources);

    /// <summary>Flag of what needs no answer (replies, responses to host requests).</summary>
    public int PlainFlag => Hj212Flag.Of(Version, ack: false);
}
