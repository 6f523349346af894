using System.Text.RegularExpressions;
using SmartPark.Contracts.Quantities;
using YamlDotNet.RepresentationModel;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// An electricity meter of the enterprise that a monitoring point reports (YAML, under the point):
/// <c>meters: [{ device: e01-meters, sensor: rto, facility: SB1, codes: { power: e30101, energy: e30102 } }]</c>.
/// The meter's sensor has a <see cref="RegistrySensor.Role"/> (production or treatment); its
/// readings go to the bureau as real-time data under the codes the bureau assigned, and a
/// treatment meter's <see cref="Facility"/> (HJ 212-2017 <c>SBxxx</c>) gets a run state (2021)
/// and a daily run time (2041).
/// </summary>
public sealed record RegistryPointMeter : RegistryNode
{
    /// <summary>The meter's device; null: the point's device.</summary>
    public string? Device { get; init; }

    public required string Sensor { get; init; }

    /// <summary>The treatment facility's HJ 212 id (<c>SB1</c>…<c>SB999</c>): only on a treatment meter.</summary>
    public string? Facility { get; init; }

    /// <summary>Our quantity (power, energy, current, voltage) → the code the bureau assigned, in file order.</summary>
    public IReadOnlyList<RegistryPollutant> Codes { get; init; } = [];
}

/// <summary>Reads and checks a monitoring point's <c>meters</c>.</summary>
public static partial class PointMeters
{
    /// <summary>The electrical quantities a point may report of a meter.</summary>
    public static readonly string[] Quantities =
        [QuantityCatalogue.Power.Name, QuantityCatalogue.Energy.Name, QuantityCatalogue.Current.Name, QuantityCatalogue.Voltage.Name];

    /// <summary>HJ 212-2017 §6.3.3 / Table C.15: <c>SBxxx</c>, xxx the facility's number.</summary>
    [GeneratedRegex("^SB[0-9]{1,3}$")]
    public static partial Regex FacilityPattern();

    public static IReadOnlyList<RegistryPointMeter> Read(IReadOnlyList<YamlNode> nodes, List<RegistryError> errors)
    {
        var meters = new List<RegistryPointMeter>();
        foreach (var node in nodes)
        {
            var f = YamlFields.Of(node, "monitoring point meter", errors, "device", "sensor", "facility", "codes");
            if (f is null)
                continue;
            var codes = new List<RegistryPollutant>();
            if (f.Node("codes") is YamlMappingNode map && map.Children.Count > 0)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { Length: > 0 } quantity } && value is YamlScalarNode { Value: { Length: > 0 } code })
                        codes.Add(new RegistryPollutant(quantity, code, YamlFields.LineOf(key)));
                    else
                        errors.Add(new(YamlFields.LineOf(key), "monitoring point meter: each of 'codes' must be quantity: code"));
                }
            }
            else
            {
                errors.Add(new(f.Line, "monitoring point meter: 'codes' must map its quantities to the bureau's codes (power: e30101)"));
            }
            meters.Add(new RegistryPointMeter
            {
                Line = f.Line,
                FieldLines = f.Lines,
                Device = f.Has("device") ? f.String("device") : null,
                Sensor = f.String("sensor"),
                Facility = f.Has("facility") ? f.String("facility") : null,
                Codes = codes,
            });
        }
        return meters;
    }

    /// <summary>
    /// A meter is a sensor of a device of the same enterprise with a role; it reports every quantity
    /// it maps; a treatment meter names its facility (SBxxx, once per point) and reports power (its
    /// run state is judged from it); codes are like pollutant codes and unique within the point.
    /// </summary>
    public static void Check(RegistryMonitoringPoint point, RegistryEnterprise enterprise, List<RegistryError> errors)
    {
        var what = $"monitoring point '{point.Mn}'";
        var codes = point.Pollutants.Where(p => p.Code.Length > 0).GroupBy(p => p.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        var facilities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var meter in point.Meters)
        {
            var deviceId = meter.Device ?? point.Device;
            var device = enterprise.Devices.FirstOrDefault(d => d.Id == deviceId);
            var sensor = device?.Sensors.FirstOrDefault(s => s.Id == meter.Sensor);
            if (device is null)
                errors.Add(new(meter.LineOf("device"), $"{what}: meter device '{deviceId}' is not a device of enterprise '{enterprise.Id}'"));
            else if (sensor is null)
                errors.Add(new(meter.LineOf("sensor"), $"{what}: device '{deviceId}' has no sensor '{meter.Sensor}'"));
            else if (sensor.Role is null)
                errors.Add(new(meter.LineOf("sensor"), $"{what}: sensor '{meter.Sensor}' of device '{deviceId}' has no role: give it 'role: production' or 'role: treatment'"));
            if (meter.Facility is { } facility)
            {
                if (!FacilityPattern().IsMatch(facility))
                    errors.Add(new(meter.LineOf("facility"), $"{what}: facility '{facility}' is not an HJ 212 treatment facility id (SB and 1 to 3 digits, e.g. SB1)"));
                else if (!facilities.TryAdd(facility, meter.LineOf("facility")))
                    errors.Add(new(meter.LineOf("facility"), $"{what}: facility '{facility}' is already used on line {facilities[facility]}"));
                if (sensor?.Role == SensorRoles.Production)
                    errors.Add(new(meter.LineOf("facility"), $"{what}: '{meter.Sensor}' is a production meter; only a treatment meter has a facility"));
            }
            else if (sensor?.Role == SensorRoles.Treatment)
            {
                errors.Add(new(meter.Line, $"{what}: treatment meter '{meter.Sensor}' needs a 'facility' (SB1, SB2, …): the bureau receives its run state and run time under it"));
            }
            if (sensor?.Role == SensorRoles.Treatment && !sensor.Quantities.Contains(QuantityCatalogue.Power.Name))
                errors.Add(new(meter.LineOf("sensor"), $"{what}: treatment meter '{meter.Sensor}' must report power (its run state is judged from it)"));
            foreach (var code in meter.Codes)
            {
                if (!Quantities.Contains(code.Quantity))
                    errors.Add(new(code.Line, $"{what}: a meter reports {string.Join(", ", Quantities)}, not '{code.Quantity}'"));
                else if (sensor is not null && !sensor.Quantities.Contains(code.Quantity))
                    errors.Add(new(code.Line, $"{what}: sensor '{meter.Sensor}' does not report '{code.Quantity}'"));
                if (!Hj212Factor.CodePattern().IsMatch(code.Code))
                    errors.Add(new(code.Line, $"{what}: '{code.Code}' is not an HJ 212 code (a letter and 5 letters or digits, e.g. e30101)"));
                else if (!codes.TryAdd(code.Code, code.Line))
                    errors.Add(new(code.Line, $"{what}: code '{code.Code}' is already used on line {codes[code.Code]}"));
            }
        }
    }
}
