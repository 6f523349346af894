namespace SmartPark.Contracts.Status;

/// <summary>
/// Retained on <c>…/{device}/status</c>: an agent publishes <c>online</c> (with what it measures)
/// when it connects; the broker publishes the agent's <c>offline</c> last will when it vanishes.
/// </summary>
public sealed record DeviceStatus
{
    public const string Online = "online";
    public const string Offline = "offline";

    public required string State { get; init; }
    public string? Device { get; init; }
    public DateTimeOffset? At { get; init; }
    public string? Reason { get; init; }
    public string? AgentVersion { get; init; }
    public IReadOnlyList<SensorDescription>? Sensors { get; init; }

    /// <summary>Readings the agent's full outbox dropped (oldest first) since it was installed: data lost, said out loud.</summary>
    public long? ReadingsDropped { get; init; }
}

/// <summary>
/// A sensor a device reports, and the quantities it yields. <paramref name="Flag"/> is the HJ 212
/// flag of the sensor itself (D while it cannot be opened or read, with <paramref name="Error"/>
/// saying why); null means normal.
/// </summary>
public sealed record SensorDescription(string Sensor, IReadOnlyList<string> Quantities, int IntervalMs, string? Flag = null, string? Error = null);
