namespace SmartPark.Contracts.Quantities;

/// <summary>
/// One measurable thing and the single unit every part uses for it. Agents convert to
/// <see cref="Unit"/> before publishing; Ingest rejects any other unit.
/// <see cref="Minimum"/>/<see cref="Maximum"/> bound what is physically possible, not what is legal:
/// a reading outside them is a broken sensor or a wrong unit, never an exceedance.
/// </summary>
public sealed record Quantity(
    string Name,
    string Unit,
    QuantityKind Kind,
    double Minimum,
    double Maximum,
    string Description)
{
    public bool IsBoolean => Unit == QuantityCatalogue.BooleanUnit;
}
