namespace SmartPark.Contracts.Registry;

/// <summary>A broker account of a SmartPark service (Ingest, Dashboard); its rights follow its role.</summary>
public sealed record ServiceAccount : RegistryNode
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="ServiceRoles.All"/>.</summary>
    public required string Role { get; init; }

    public required string Credential { get; init; }
}
