namespace SmartPark.Contracts.Registry;

/// <summary>
/// An HJ 212 monitoring point of an enterprise: what the environment bureau's platform knows it
/// by (MN, PW, ST), where that platform listens, which device (and sensor) measures it, and which
/// HJ 212 pollutant code each of our quantities is reported as. The uplink reports it.
/// </summary>
public sealed record RegistryMonitoringPoint : RegistryNode
{
    /// <summary>The bureau's id of the point (HJ 212 MN: 24 hex digits by the standard; bureaus also issue shorter codes).</summary>
    public required string Mn { get; init; }

    /// <summary>The access password the bureau issued (HJ 212 PW, at most 6 characters; it travels in clear in every frame).</summary>
    public required string Pw { get; init; }

    /// <summary>System code: 27 VOC monitoring, 31 air pollution source, … (HJ 212 Table 5).</summary>
    public required string St { get; init; }

    public string? Name { get; init; }
    public required string Device { get; init; }

    /// <summary>The sensor every quantity comes from; null: each quantity's only sensor on the device.</summary>
    public string? Sensor { get; init; }

    public required string PlatformHost { get; init; }
    public double PlatformPort { get; init; }

    /// <summary>Our quantity → HJ 212 pollutant code (<c>nmhc</c> → <c>a24088</c>), in file order.</summary>
    public IReadOnlyList<RegistryPollutant> Pollutants { get; init; } = [];

    /// <summary>HJ 212 version in the Flag bits: 2017 (default) or 2025.</summary>
    public int Version { get; init; } = 2017;

    /// <summary>Ask the platform to acknowledge every data upload (Flag A bit); on by default.</summary>
    public bool Ack { get; init; } = true;

    /// <summary>Real-time data interval in seconds (30–3600) until the platform sets another; null: the uplink's default.</summary>
    public double? RtdInterval { get; init; }

    /// <summary>Minute-data interval in minutes (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30); null: the uplink's default.</summary>
    public double? MinInterval { get; init; }

    /// <summary>Electricity meters of the enterprise reported with the point (production and treatment, <see cref="RegistryPointMeter"/>).</summary>
    public IReadOnlyList<RegistryPointMeter> Meters { get; init; } = [];
}

/// <summary>One quantity of a monitoring point and the pollutant code it is reported as.</summary>
public sealed record RegistryPollutant(string Quantity, string Code, int Line);
