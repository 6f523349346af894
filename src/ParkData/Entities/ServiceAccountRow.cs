namespace SmartPark.ParkData.Entities;

/// <summary>A SmartPark service's broker account (Ingest, Dashboard, Uplink) with a Mosquitto <c>$7$</c> hash.</summary>
public sealed class ServiceAccountRow : IVersioned, IAudited, IRegistryRow
{
    public required string Id { get; set; }
    public required string Role { get; set; }
    public required string Credential { get; set; }
    public long Version { get; set; }

    public string AuditKey => $"service:{Id}";
}
