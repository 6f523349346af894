namespace SmartPark.Contracts.Quantities;

/// <summary>
/// One measurable thing and everything every part needs to know about it: the single unit every
/// part uses for it (agents convert to <see cref="Unit"/> before publishing; Ingest rejects any
/// other unit), its titles on the Dashboard, and its HJ 212 factor when the bureau's platform has
/// one. <see cref="Minimum"/>/<see cref="Maximum"/> bound what is physically possible, not what is
/// legal: a reading outside them is a broken sensor or a wrong unit, never an exceedance.
/// </summary>
public sealed record Quantity(
    string Name,
    string Unit,
    QuantityKind Kind,
    double Minimum,
    double Maximum,
    string Description,
    QuantityTitle Title,
    Hj212Factor? Hj212 = null,
    CounterKind? Counter = null)
{
    /// <summary>Whether this quantity is a register that counts up (an energy or volume meter):
    /// its consumption is the difference of readings (<see cref="Consumption.ConsumptionSeries"/>), never a mean.</summary>
    public bool IsCounter => Counter is not null;

    public bool IsBoolean => Unit == QuantityCatalogue.BooleanUnit;

    /// <summary>Decimals of this quantity's values in HJ 212 data uploads.</summary>
    public int Hj212Decimals => Hj212?.Decimals ?? Hj212Factor.DefaultDecimals;
}
