using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// The JSON columns of a registry row, as <see cref="Entities.Device.SensorsJson"/> and
/// <see cref="Entities.MonitoringPoint.PollutantsJson"/> document them: <c>[{"id":"voc1","quantities":["nmhc"]}]</c>
/// and <c>[{"quantity":"nmhc","code":"a24088"}]</c>. Written the same way every time, so importing
/// an unchanged file leaves the column (and the audit trail) untouched.
/// </summary>
public static class RowJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="Id">The sensor's id.</param>
    /// <param name="Quantities">The catalogue quantities it reports.</param>
    /// <param name="Rollover">Where a counting register wraps (<see cref="RegistrySensor.Rollover"/>); left out of the JSON when unknown.</param>
    public sealed record Sensor(string Id, IReadOnlyList<string> Quantities,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rollover = null);

    public sealed record Pollutant(string Quantity, string Code);

    public static string Sensors(IEnumerable<RegistrySensor> sensors) =>
        JsonSerializer.Serialize(sensors.Select(s => new Sensor(s.Id, s.Quantities, s.Rollover)).ToList(), Options);

    public static string Pollutants(IEnumerable<RegistryPollutant> pollutants) =>
        JsonSerializer.Serialize(pollutants.Select(p => new Pollutant(p.Quantity, p.Code)).ToList(), Options);

    public static IReadOnlyList<Sensor> ReadSensors(string json) => JsonSerializer.Deserialize<List<Sensor>>(json, Options) ?? [];

    public static IReadOnlyList<Pollutant> ReadPollutants(string json) => JsonSerializer.Deserialize<List<Pollutant>>(json, Options) ?? [];
}
