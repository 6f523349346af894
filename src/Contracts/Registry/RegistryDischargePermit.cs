namespace SmartPark.Contracts.Registry;

/// <summary>
/// An enterprise's pollutant discharge permit (排污许可证): its number, the day it expires and its limits.
/// In the runtime registry because Ingest raises an alert before it expires.
/// </summary>
public sealed record RegistryDischargePermit : RegistryNode
{
    public required string Number { get; init; }

    /// <summary>The last day it is valid; null: not recorded (no expiry alert then).</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The limits the permit sets (YAML <c>limits: { nox_converted: 100, cod: 60 }</c>), in each quantity's
    /// unit: they replace the default rule's limit for that quantity at this enterprise.</summary>
    public IReadOnlyList<PermitLimit> Limits { get; init; } = [];
}

/// <summary>One limit of a discharge permit: a catalogue quantity and the value its readings may not exceed.</summary>
public sealed record PermitLimit(string Quantity, double Limit, int Line = 0);
