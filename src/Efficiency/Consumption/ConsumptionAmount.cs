using SmartPark.Contracts.Consumption;

namespace SmartPark.Efficiency.Consumption;

/// <summary>
/// The consumption of one series over one period [<see cref="Start"/>, <see cref="End"/>): what is
/// stored as a point of <c>{quantity}_use_{period}</c> (<see cref="ConsumptionSeries"/>).
/// </summary>
/// <param name="Start">The period's first instant (UTC).</param>
/// <param name="End">The instant after the period.</param>
/// <param name="Use">In the quantity's unit; never negative, never NaN.</param>
/// <param name="Coverage">0..1: the share of the period lying between readings no further apart than the gap threshold.</param>
/// <param name="Flags">The <see cref="ConsumptionFlag"/>s, in the order of <see cref="ConsumptionFlag.All"/>, no duplicates.</param>
/// <param name="Readings">The raw readings whose time falls in the period.</param>
public sealed record ConsumptionAmount(DateTimeOffset Start, DateTimeOffset End, double Use, double Coverage, IReadOnlyList<string> Flags, long Readings)
{
    /// <summary>The flags as stored: comma separated, empty when clean.</summary>
    public string FlagText => string.Join(',', Flags);

    /// <summary>Flags from their stored text, in canonical order; unknown names are dropped.</summary>
    public static IReadOnlyList<string> ParseFlags(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var given = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. ConsumptionFlag.All.Where(f => given.Contains(f, StringComparer.Ordinal))];
    }

    /// <summary>The canonical list (order of <see cref="ConsumptionFlag.All"/>) of the union of <paramref name="flags"/>.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> flags)
    {
        var set = flags.ToHashSet(StringComparer.Ordinal);
        return [.. ConsumptionFlag.All.Where(set.Contains)];
    }
}
