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
    /// <summary>The rollup series its periods are read from: each pollutant's values, and its converted values and rate where it has them.</summary>
    public IReadOnlyList<RollupSeries> Series { get; init; } = [.. Sources.Select(s => new RollupSeries(s.Code, s.Quantity, s.Sensor, SeriesRole.Value))];

    /// <summary>The enterprise's electricity meters reported with the point.</summary>
    public IReadOnlyList<PointMeter> Meters { get; init; } = [];

    /// <summary>The treatment meters that name a facility: the point's run states (2021) and run times (2041).</summary>
    public IEnumerable<PointMeter> Facilities => Meters.Where(m => m.Facility is not null);

    public static PointConfig From(RegisteredMonitoringPoint registered, UplinkOptions options) => From(registered, null, options);

    /// <summary>The point as the uplink runs it; <paramref name="registry"/> gives its device's sensors (flows, reference oxygen) and its meters.</summary>
    public static PointConfig From(RegisteredMonitoringPoint registered, ParkRegistry? registry, UplinkOptions options)
    {
        var point = registered.Point;
        RegisteredDevice? device = null;
        if (registry is not null && registry.TryGetDevice(registered.Device.Device, out var found))
            device = found;
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
            point.MinInterval is { } min ? (int)min : options.MinInterval)
        {
            Series = RollupSeries.For(registered.Sources, device?.Device),
            Meters = PointMeter.For(registered, registry, options.DefaultIdleLoad),
        };
    }

    public int DataFlag => Hj212Flag.Of(Version, Ack);

    /// <summary>Same point, same settings: a registry reload that leaves a point alone does not restart it.</summary>
    public bool SameAs(PointConfig other) =>
        this with { Sources = [], Series = [], Meters = [] } == other with { Sources = [], Series = [], Meters = [] }
        && Sources.SequenceEqual(other.Sources) && Series.SequenceEqual(other.Series) && Meters.SequenceEqual(other.Meters);

    /// <summary>Flag of what needs no answer (replies, responses to host requests).</summary>
    public int PlainFlag => Hj212Flag.Of(Version, ack: false);
}
