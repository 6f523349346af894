namespace SmartPark.Contracts.Registry;

/// <summary>An edge device. Its id is its MQTT username and client id; <see cref="Credential"/>
/// is a Mosquitto <c>$7$</c> hash, never the password itself.</summary>
public sealed record RegistryDevice : RegistryNode
{
    public required string Id { get; init; }
    public required string Credential { get; init; }
    public IReadOnlyList<RegistrySensor> Sensors { get; init; } = [];
}
