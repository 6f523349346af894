namespace SmartPark.Contracts.Registry;

/// <summary>An enterprise in a park, with its renovation status and (optionally) where the park plan draws it.</summary>
public sealed record RegistryEnterprise : RegistryNode
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The English name (the Dashboard shows it in English; <see cref="Name"/> is the Chinese one); null: none given.</summary>
    public string? NameEn { get; init; }

    public required string Industry { get; init; }

    /// <summary>Floor area in m².</summary>
    public double FloorArea { get; init; }

    /// <summary>One of <see cref="RenovationStatus.All"/>.</summary>
    public required string Status { get; init; }

    public PlanRect? Plan { get; init; }

    /// <summary>The discharge permit (YAML <c>dischargePermit: {number, expiry}</c>); null: none recorded.</summary>
    public RegistryDischargePermit? DischargePermit { get; init; }
    public IReadOnlyList<RegistryDevice> Devices { get; init; } = [];

    /// <summary>HJ 212 monitoring points the uplink reports to the environment bureau (optional).</summary>
    public IReadOnlyList<RegistryMonitoringPoint> MonitoringPoints { get; init; } = [];
}
