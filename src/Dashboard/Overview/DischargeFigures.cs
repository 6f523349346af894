using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Live;

namespace SmartPark.Dashboard.Overview;

/// <summary>
/// The flue-gas and wastewater pollutants a tile shows, from an enterprise's live readings: each
/// pollutant once (the highest of its sensors), a flue-gas one at reference oxygen when its converted
/// value is there (what a limit judges), never the rates or the process conditions behind them.
/// </summary>
public static class DischargeFigures
{
    public const string FlueGas = "flueGas";
    public const string Wastewater = "wastewater";

    public static IReadOnlyList<DischargeFigure> Of(IEnumerable<ReadingView> readings)
    {
        var list = readings.ToList();
        var converted = list.Where(r => QuantityCatalogue.TryGet(r.Quantity, out var q) && q.Derivation == Derivation.Converted)
            .Select(r => QuantityCatalogue.Get(r.Quantity).DerivedFrom!).ToHashSet(StringComparer.Ordinal);
        var figures = new List<DischargeFigure>();
        foreach (var group in list.GroupBy(r => r.Quantity, StringComparer.Ordinal))
        {
            if (!QuantityCatalogue.TryGet(group.Key, out var q) || Group(q, converted) is not { } name)
                continue;
            var worst = group.MaxBy(r => r.Value)!;
            figures.Add(new DischargeFigure(name, q.Name, worst.Value, q.Unit, worst.Flag));
        }
        return [.. figures.OrderBy(f => f.Group, StringComparer.Ordinal).ThenBy(f => Order(f.Quantity))];
    }

    private static string? Group(Quantity q, IReadOnlySet<string> converted) => q switch
    {
        { Derivation: Derivation.Rate } => null,
        { Kind: QuantityKind.Water } => Wastewater,
        { Derivation: Derivation.Converted } => FlueGas,
        // A measured stack concentration shows when no converted value stands for it.
        { AtReferenceOxygen: true } when !converted.Contains(q.Name) => FlueGas,
        _ => null,
    };

    /// <summary>The catalogue's order of the measured quantity (NOx before SO₂ before particulate, COD before ammonia…).</summary>
    private static int Order(string quantity)
    {
        quantity = QuantityCatalogue.Get(quantity).DerivedFrom ?? quantity;
        var all = QuantityCatalogue.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Name == quantity)
                return i;
        }
        return int.MaxValue;
    }
}
