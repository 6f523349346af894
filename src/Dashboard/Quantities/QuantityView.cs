using SmartPark.Contracts.Quantities;

namespace SmartPark.Dashboard.Quantities;

/// <summary>One quantity as <c>/api/quantities</c> serves it: <c>title.zh</c>/<c>title.en</c> are what the pages show.</summary>
public sealed record QuantityView(
    string Name,
    string Unit,
    string Kind,
    double Minimum,
    double Maximum,
    string Description,
    QuantityTitle Title,
    string? Hj212Code)
{
    public static IReadOnlyList<QuantityView> Catalogue() =>
        QuantityCatalogue.All
            .Select(q => new QuantityView(q.Name, q.Unit, q.Kind.ToString().ToLowerInvariant(), q.Minimum, q.Maximum, q.Description, q.Title, q.Hj212?.Code))
            .ToList();
}
