using SmartPark.Contracts.Quantities;

namespace SmartPark.Contracts.Registry;

/// <summary>Where a monitoring point's pollutant comes from: a quantity of one sensor of its device.</summary>
public sealed record PollutantSource(string Code, string Quantity, string Sensor)
{
    /// <summary>Decimals of its values in data uploads: the quantity's HJ 212 format (NMHC N7.3 → 3).</summary>
    public int Decimals => QuantityCatalogue.TryGet(Quantity, out var quantity) ? quantity.Hj212Decimals : Hj212Factor.DefaultDecimals;
}

/// <summary>
/// Resolves each pollutant of a monitoring point to the sensor that reports its quantity: the
/// point's <c>sensor</c> when given, otherwise the device's only sensor reporting that quantity.
/// The validator reports what cannot be resolved; the uplink reads what can.
/// </summary>
public static class MonitoringPointSources
{
    public static IReadOnlyList<PollutantSource> Resolve(RegistryMonitoringPoint point, RegistryDevice device, List<(RegistryPollutant Pollutant, string Problem)>? problems = null)
    {
        var sources = new List<PollutantSource>();
        foreach (var pollutant in point.Pollutants)
        {
            var reporting = device.Sensors
                .Where(s => (point.Sensor is null || s.Id == point.Sensor) && s.Quantities.Contains(pollutant.Quantity))
                .Select(s => s.Id)
                .ToList();
            switch (reporting.Count)
            {
                case 1:
                    sources.Add(new PollutantSource(pollutant.Code, pollutant.Quantity, reporting[0]));
                    break;
                case 0:
                    problems?.Add((pollutant, point.Sensor is null
                        ? $"no sensor of device '{device.Id}' reports '{pollutant.Quantity}'"
                        : $"sensor '{point.Sensor}' of device '{device.Id}' does not report '{pollutant.Quantity}'"));
                    break;
                default:
                    problems?.Add((pollutant, $"sensors {string.Join(" and ", reporting.Select(s => $"'{s}'"))} of device '{device.Id}' both report '{pollutant.Quantity}': give the point a 'sensor'"));
                    break;
            }
        }
        return sources;
    }
}
