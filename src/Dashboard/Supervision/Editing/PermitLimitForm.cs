using SmartPark.Contracts.Quantities;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>One permit limit as the edit page sends it: the value, and the <see cref="Version"/> the page loaded (when changing one).</summary>
public sealed record PermitLimitForm
{
    public double? Limit { get; init; }
    public long Version { get; init; }

    public FieldErrors Validate(string quantity)
    {
        var errors = new FieldErrors();
        if (!PermitLimitQuantities.TryGet(quantity, out var q))
            errors.Add("quantity", "vocabulary", $"quantity must be one of {string.Join(", ", PermitLimitQuantities.All.Select(c => c.Name))}");
        if (Limit is not { } limit)
            errors.Add("limit", "required", "limit is required");
        else if (q is not null)
            errors.Range("limit", limit, 0, q.Maximum);
        return errors;
    }
}

/// <summary>
/// The quantities a discharge permit may limit on the edit page: the pollutants carried in flue gas
/// or wastewater, their converted concentrations (dry, at reference O₂: <c>nox_converted</c>, what
/// flue-gas permits state) and their emission rates (kg/h). pH is not here: its limit is a range
/// (6–9), not a ceiling. The registry's validator accepts any non-counting quantity; the page offers
/// only the ones a permit sets, so a clerk cannot pick a temperature by mistake.
/// </summary>
public static class PermitLimitQuantities
{
    public static IReadOnlyList<Quantity> All { get; } =
        [.. QuantityCatalogue.All.Where(q => q.Medium is not null || (q.DerivedFrom is { } source && QuantityCatalogue.Get(source).Medium is not null))];

    public static bool TryGet(string name, out Quantity quantity)
    {
        quantity = All.FirstOrDefault(q => q.Name == name)!;
        return quantity is not null;
    }
}

/// <summary>One limit as the page shows it: its quantity's unit beside the value.</summary>
public sealed record PermitLimitView(string Quantity, double Limit, string Unit, long Version)
{
    public static PermitLimitView Of(PermitLimitRow row) =>
        new(row.Quantity, row.Limit, QuantityCatalogue.TryGet(row.Quantity, out var q) ? q.Unit : "", row.Version);
}

/// <summary>A quantity the page offers, with its unit and titles.</summary>
public sealed record PermitLimitChoice(string Name, string Unit, string TitleZh, string TitleEn);

/// <summary>An enterprise's permit limits as the page loads them: whether this user may change them, whether there is a permit to hang them on, and what may be limited.</summary>
public sealed record PermitLimitsView(bool CanEdit, string? PermitNumber, IReadOnlyList<PermitLimitView> Limits, IReadOnlyList<PermitLimitChoice> Choices);
