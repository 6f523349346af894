using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Efficiency.StandardCoal;

namespace SmartPark.Dashboard.Efficiency.Reports;

/// <summary>A park's energy over a range: its electricity (kWh), the standard coal of all its metered energy (tce), and the electricity meters' mean coverage (null when none reported).</summary>
public sealed record ParkEnergy(string Park, double Kwh, double Tce, double? Coverage);

/// <summary>
/// Parks' energy over a range for the quarterly report, from the stored consumption (a quarter
/// reads the months): electricity, gas and steam summed over their enterprises and converted to
/// standard coal with the configured coefficients. The caller gives the parks (the district's, by
/// the park database).
/// </summary>
public sealed class ParkEnergyReader(ConsumptionReader reader, StandardCoalConverter coal)
{
    public async Task<IReadOnlyDictionary<string, ParkEnergy>> ReadAsync(IReadOnlyCollection<string> parks, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var energy = new Dictionary<string, ParkEnergy>(StringComparer.Ordinal);
        foreach (var quantity in QuantityCatalogue.Counters.Where(q => coal.Coefficient(q) is not null))
        {
            foreach (var park in (await reader.TotalsAsync(parks, quantity, from, to, cancellationToken)).GroupBy(t => t.Park))
            {
                var use = park.Sum(t => t.Use);
                var entry = energy.GetValueOrDefault(park.Key) ?? new ParkEnergy(park.Key, 0, 0, null);
                energy[park.Key] = entry with
                {
                    Kwh = quantity == QuantityCatalogue.Energy ? use : entry.Kwh,
                    Coverage = quantity == QuantityCatalogue.Energy ? park.Average(t => t.Coverage) : entry.Coverage,
                    Tce = entry.Tce + coal.ToKgce(quantity, use) / 1000,
                };
            }
        }
        return energy;
    }
}
