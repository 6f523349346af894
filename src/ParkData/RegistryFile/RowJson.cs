using System.Text.Json;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// The JSON columns of a registry row, as <see cref="Entities.Device.SensorsJson"/> and
/// <see cref="Entities.MonitoringPoint.PollutantsJson"/> document them: <c>[{"id":"voc1","quantities":["nmhc"]}]</c>
/// and <c>[{"quantity":"nmhc","code":"a24088"}]</c>. Written the same way every time, so importing
/// an unchanged file leaves the column (and the audit trail) untouched; a key a sensor does not
/// use is left out, so rows written before it existed read the same.
/// </summary>
public static class RowJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="Id">The sensor's id.</param>
    /// <param name="Quantities">The catalogue quantities it reports.</param>
    /// <param name="Rollover">Where a counting register wraps (<see cref="RegistrySensor.Rollover"/>); left out of the JSON when unknown.</param>
    /// <param name="Emission">How its flue-gas values were measured (<see cref="RegistrySensor.Emission"/>), in the registry file's words.</param>
    /// <param name="Role">What an electricity meter feeds (<see cref="SensorRoles"/>).</param>
    /// <param name="IdleLoad">A treatment meter's rated idle load in kW.</param>
    /// <param name="RatedCurrent">The watched circuit's rated current in A (<see cref="RegistrySensor.RatedCurrent"/>).</param>
    /// <param name="NominalVoltage">The nominal voltage in V of what the sensor measures (<see cref="RegistrySensor.NominalVoltage"/>).</param>
    public sealed record Sensor(string Id, IReadOnlyList<string> Quantities,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rollover = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SensorEmission? Emission = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? IdleLoad = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RatedCurrent = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NominalVoltage = null);

    /// <summary>
    /// A sensor's <c>emission</c> as the registry file writes it (<c>{"referenceO2":9,"basis":"wet","flow":"actual"}</c>),
    /// words rather than the flags of <see cref="EmissionSettings"/> so the column reads as the file does.
    /// </summary>
    public sealed record SensorEmission(
        [property: JsonPropertyName("referenceO2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ReferenceO2,
        [property: JsonPropertyName("basis")] string? Basis,
        [property: JsonPropertyName("flow")] string? Flow)
    {
        public static SensorEmission? Of(EmissionSettings? settings) => settings is null ? null : new(
            settings.ReferenceOxygen,
            settings.WetBasis ? EmissionSettings.Wet : EmissionSettings.Dry,
            settings.ActualFlow ? EmissionSettings.Actual : EmissionSettings.StandardFlow);

        /// <summary>The settings, with every problem the registry reader would report for the same words in a file.</summary>
        public EmissionSettings ToSettings(string what, List<RegistryError> problems)
        {
            if (ReferenceO2 is { } reference && (!double.IsFinite(reference) || reference is < 0 or > EmissionSettings.MaxReferenceOxygen))
                problems.Add(new(0, $"{what}: emission 'referenceO2' is a % by volume from 0 to {EmissionSettings.MaxReferenceOxygen}, not {reference}"));
            var basis = Basis ?? EmissionSettings.Dry;
            if (basis is not (EmissionSettings.Dry or EmissionSettings.Wet))
                problems.Add(new(0, $"{what}: emission 'basis' is '{EmissionSettings.Dry}' or '{EmissionSettings.Wet}', not '{basis}'"));
            var flow = Flow ?? EmissionSettings.StandardFlow;
            if (flow is not (EmissionSettings.StandardFlow or EmissionSettings.Actual))
                problems.Add(new(0, $"{what}: emission 'flow' is '{EmissionSettings.StandardFlow}' or '{EmissionSettings.Actual}', not '{flow}'"));
            return new EmissionSettings { ReferenceOxygen = ReferenceO2, WetBasis = basis == EmissionSettings.Wet, ActualFlow = flow == EmissionSettings.Actual };
        }
    }

    public sealed record Pollutant(string Quantity, string Code);

    /// <summary>A monitoring point's meter (<see cref="RegistryPointMeter"/>): its device (null: the point's), sensor, treatment facility and codes.</summary>
    public sealed record Meter(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Device,
        string Sensor,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Facility,
        IReadOnlyList<Pollutant> Codes);

    public static string Meters(IEnumerable<RegistryPointMeter> meters) =>
        JsonSerializer.Serialize(meters.Select(m => new Meter(m.Device, m.Sensor, m.Facility, [.. m.Codes.Select(c => new Pollutant(c.Quantity, c.Code))])).ToList(), Options);

    public static IReadOnlyList<Meter> ReadMeters(string json) => JsonSerializer.Deserialize<List<Meter>>(json, Options) ?? [];

    public static Sensor Of(RegistrySensor s) => new(s.Id, s.Quantities, s.Rollover, SensorEmission.Of(s.Emission), s.Role, s.IdleLoad, s.RatedCurrent, s.NominalVoltage);

    public static string Sensors(IEnumerable<RegistrySensor> sensors) =>
        JsonSerializer.Serialize(sensors.Select(Of).ToList(), Options);

    public static string Pollutants(IEnumerable<RegistryPollutant> pollutants) =>
        JsonSerializer.Serialize(pollutants.Select(p => new Pollutant(p.Quantity, p.Code)).ToList(), Options);

    public static IReadOnlyList<Sensor> ReadSensors(string json) => JsonSerializer.Deserialize<List<Sensor>>(json, Options) ?? [];

    public static IReadOnlyList<Pollutant> ReadPollutants(string json) => JsonSerializer.Deserialize<List<Pollutant>>(json, Options) ?? [];
}
