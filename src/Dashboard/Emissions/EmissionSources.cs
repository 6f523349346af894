using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;

namespace SmartPark.Dashboard.Emissions;

/// <summary>
/// One pollutant one sensor measures at a discharge: <see cref="Measured"/> as the device sends it,
/// <see cref="Shown"/> as the standards judge it (the converted value <c>nox_converted</c> when the
/// registry gives the sensor a reference oxygen content, else the measured one) and
/// <see cref="Rate"/>, its emission rate in kg/h, when the catalogue derives one.
/// </summary>
public sealed record EmissionSource(
    string Park, string Enterprise, string Device, string Sensor, string? Point, EmissionMedium Medium,
    Quantity Measured, Quantity Shown, Quantity? Rate);

/// <summary>
/// The flue-gas and wastewater discharges the registry lists: every sensor quantity of a stack
/// (a pollutant judged at reference oxygen, or one measured where the flue-gas flow is) or of a
/// wastewater outlet. A VOC sensor in a workshop, without a flow, is not a discharge and stays on
/// the exceedance table alone.
/// </summary>
public static class EmissionSources
{
    public static IReadOnlyList<EmissionSource> Of(RegistryPark park) =>
        [.. park.Enterprises.SelectMany(e => Of(park.Id, e))];

    public static IReadOnlyList<EmissionSource> Of(string park, RegistryEnterprise enterprise)
    {
        var sources = new List<EmissionSource>();
        foreach (var device in enterprise.Devices)
        {
            var reported = device.Sensors.SelectMany(s => s.Quantities).ToHashSet(StringComparer.Ordinal);
            var point = enterprise.MonitoringPoints.FirstOrDefault(p => p.Device == device.Id)?.Name;
            foreach (var sensor in device.Sensors)
            {
                foreach (var name in sensor.Quantities)
                {
                    if (!QuantityCatalogue.TryGet(name, out var quantity) || quantity.IsDerived || MediumOf(quantity, reported) is not { } medium)
                        continue;
                    var shown = quantity.AtReferenceOxygen && sensor.Emission?.ReferenceOxygen is not null
                        ? QuantityCatalogue.DerivedOf(quantity, Derivation.Converted) ?? quantity
                        : quantity;
                    sources.Add(new EmissionSource(park, enterprise.Id, device.Id, sensor.Id, point, medium, quantity, shown,
                        QuantityCatalogue.DerivedOf(quantity, Derivation.Rate)));
                }
            }
        }
        return sources;
    }

    /// <summary>The discharge a quantity is measured at, or null when it is not a discharge's pollutant.</summary>
    private static EmissionMedium? MediumOf(Quantity quantity, IReadOnlySet<string> deviceQuantities) =>
        quantity.Kind == QuantityKind.Water ? EmissionMedium.Wastewater
        : quantity.Medium == EmissionMedium.FlueGas && (quantity.AtReferenceOxygen || deviceQuantities.Contains(QuantityCatalogue.FlueGasFlow.Name)) ? EmissionMedium.FlueGas
        : null;
}
