namespace SmartPark.ParkData.Entities.Efficiency;

/// <summary>
/// A counting meter swapped on a device's sensor (the registry's <c>RegistryMeterReplacement</c>):
/// when, and the two registers' readings the electrician wrote down, so consumption across the
/// swap is exact rather than flagged as a reset.
/// </summary>
public sealed class MeterReplacement : IVersioned, IAudited, IRegistryRow
{
    public long Id { get; set; }

    /// <summary>The device's park, kept on the row so access and the audit trail need no join.</summary>
    public required string ParkId { get; set; }
    public required string DeviceId { get; set; }
    public required string SensorId { get; set; }

    /// <summary>The counting quantity (energy, water_volume, …) of the swapped register.</summary>
    public required string Quantity { get; set; }

    public DateTime ReplacedAt { get; set; }
    public double OldFinalReading { get; set; }
    public double NewInitialReading { get; set; }
    public string? Note { get; set; }

    public long Version { get; set; }

    public Device? Device { get; set; }

    public string AuditKey => $"meter-replacement:{DeviceId}/{SensorId}/{Id}";
}
