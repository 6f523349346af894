namespace SmartPark.ParkData.Entities;

/// <summary>An HJ 212 monitoring point of an enterprise (the registry's <c>monitoringPoints</c>); the bureau knows it by <see cref="Mn"/>.</summary>
public sealed class MonitoringPoint : IVersioned, IAudited, IRegistryRow
{
    public required string Mn { get; set; }
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }

    /// <summary>The bureau's access password (HJ 212 PW): it travels in clear in every frame, so it is no secret to hash.</summary>
    public required string Pw { get; set; }

    public required string St { get; set; }
    public string? Name { get; set; }
    public required string DeviceId { get; set; }
    public string? SensorId { get; set; }
    public required string PlatformHost { get; set; }
    public int PlatformPort { get; set; }

    /// <summary>Quantity → pollutant code pairs in order, as JSON <c>[{"quantity":"nmhc","code":"a24088"}]</c>.</summary>
    public string PollutantsJson { get; set; } = "[]";

    /// <summary>The enterprise's electricity meters the point reports (production and treatment equipment, HJ 212-2025
    /// electricity monitoring), as JSON <c>[{"device":null,"sensor":"fan-1","facility":"SB1","codes":[{"quantity":"power","code":"e30101"}]}]</c>.</summary>
    public string MetersJson { get; set; } = "[]";

    public int HjVersion { get; set; } = 2017;
    public bool Ack { get; set; } = true;
    public double? RtdIntervalSeconds { get; set; }
    public double? MinIntervalMinutes { get; set; }

    public long Version { get; set; }

    public Enterprise? Enterprise { get; set; }

    public string AuditKey => $"point:{Mn}";
}
