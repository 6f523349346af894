namespace SmartPark.Contracts.Registry;

/// <summary>A sensor on a device and the catalogue quantities it reports (a meter reports several).</summary>
public sealed record RegistrySensor : RegistryNode
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Quantities { get; init; } = [];
}
