namespace SmartPark.Contracts.Registry;

/// <summary>A sensor on a device and the catalogue quantities it reports (a meter reports several).</summary>
public sealed record RegistrySensor : RegistryNode
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Quantities { get; init; } = [];

    /// <summary>Recorded swaps of this sensor's counting meter, oldest first (the park database's MeterReplacements).</summary>
    public IReadOnlyList<RegistryMeterReplacement> Replacements { get; init; } = [];

    /// <summary>Where this sensor's counting register wraps to zero (e.g. 1,000,000 kWh for a DL/T 645
    /// XXXXXX.XX register); null when the meter's register is not known to wrap.</summary>
    public double? Rollover { get; init; }
}
