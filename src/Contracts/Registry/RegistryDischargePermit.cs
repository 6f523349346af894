namespace SmartPark.Contracts.Registry;

/// <summary>
/// An enterprise's pollutant discharge permit (排污许可证): its number and the day it expires.
/// In the runtime registry because Ingest raises an alert before it expires.
/// </summary>
public sealed record RegistryDischargePermit : RegistryNode
{
    public required string Number { get; init; }

    /// <summary>The last day it is valid; null: not recorded (no expiry alert then).</summary>
    public DateOnly? Expiry { get; init; }
}
