using SmartPark.Contracts.Quantities;

namespace SmartPark.Efficiency.StandardCoal;

/// <summary>
/// Converts a counting quantity's consumption into kgce with the configured coefficients. Water is
/// a resource, not energy: it converts to nothing and is reported in m³ beside the energy.
/// </summary>
public sealed class StandardCoalConverter(StandardCoalOptions options)
{
    /// <summary>kgce per unit of <paramref name="quantity"/>'s consumption (kWh, m³, t); null when it is not energy.</summary>
    public double? Coefficient(Quantity quantity) => quantity.Counter switch
    {
        CounterKind.Electricity => options.ElectricityBasis == StandardCoalOptions.EqualValueBasis
            ? options.ElectricityEqualValue
            : options.ElectricityCalorific,
        CounterKind.NaturalGas => options.NaturalGas,
        CounterKind.Steam => options.Steam,
        _ => null,
    };

    /// <summary>The kgce of <paramref name="use"/> units of <paramref name="quantity"/>; 0 for water and non-counters.</summary>
    public double ToKgce(Quantity quantity, double use) => Coefficient(quantity) is { } k ? use * k : 0;

    /// <summary>The tonnes of standard coal (tce) of several quantities' consumption together.</summary>
    public double ToTce(IEnumerable<(Quantity Quantity, double Use)> uses) => uses.Sum(u => ToKgce(u.Quantity, u.Use)) / 1000;
}
