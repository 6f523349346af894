namespace SmartPark.EdgeAgent.Drivers;

/// <summary>
/// Reads one physical (or simulated) sensor. A driver converts to the catalogue's canonical units;
/// it may yield several quantities (a meter gives power, energy, voltage and current).
/// </summary>
public interface ISensorDriver
{
    string SensorId { get; }

    /// <summary>Catalogue names of what <see cref="Read"/> yields.</summary>
    IReadOnlyList<string> Quantities { get; }

    IReadOnlyList<SensorValue> Read(DateTimeOffset at);
}
