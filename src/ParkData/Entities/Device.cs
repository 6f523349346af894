namespace SmartPark.ParkData.Entities;

/// <summary>
/// An edge device: its id is its MQTT username and client id, unique across every park.
/// <see cref="Credential"/> is a Mosquitto <c>$7$</c> hash, never a password.
/// </summary>
public sealed class Device : IVersioned, IAudited, IRegistryRow
{
    public required string Id { get; set; }
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }
    public required string Credential { get; set; }

    /// <summary>The sensors and their quantities, as JSON <c>[{"id":"voc1","quantities":["nmhc"]}]</c>: read and written whole.
    /// A counting meter's sensor may add where its register wraps: <c>{"id":"m1","quantities":["energy"],"rollover":1000000}</c>;
    /// a flue-gas sensor how it measures: <c>"emission":{"referenceO2":3.5,"basis":"wet","flow":"actual"}</c>; an electricity
    /// meter what it feeds: <c>"role":"treatment","idleLoad":1.5</c> (<see cref="RegistryFile.RowJson.Sensor"/>).</summary>
    public string SensorsJson { get; set; } = "[]";

    public long Version { get; set; }

    public Enterprise? Enterprise { get; set; }

    public string AuditKey => $"device:{Id}";
}
