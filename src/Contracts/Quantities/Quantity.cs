namespace SmartPark.Contracts.Quantities;

/// <summary>
/// One measurable thing and everything every part needs to know about it: the single unit every
/// part uses for it (agents convert to <see cref="Unit"/> before publishing; Ingest rejects any
/// other unit), its titles on the Dashboard, and its HJ 212 factor when the bureau's platform has
/// one. <see cref="Minimum"/>/<see cref="Maximum"/> bound what is physically possible, not what is
/// legal: a reading outside them is a broken sensor or a wrong unit, never an exceedance.
/// <see cref="Medium"/>: what a pollutant is carried in, so a flow of it gives an emission rate;
/// <see cref="AtReferenceOxygen"/>: its standards judge it dry at a reference oxygen content;
/// <see cref="DerivedFrom"/>/<see cref="Derivation"/>: Ingest computes it (src/Contracts/Emissions).
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
    CounterKind? Counter = null,
    EmissionMedium? Medium = null,
    bool AtReferenceOxygen = false,
    string? DerivedFrom = null,
    Derivation? Derivation = null)
{
    /// <summary>Whether Ingest computes this quantity from others (<see cref="DerivedFrom"/>): a device may
    /// never send it, since an enterprise that could would report its own converted concentrations.</summary>
    public bool IsDerived => DerivedFrom is not null;

    /// <summary>Whether this quantity is a register that counts up (an energy or volume meter):
    /// its consumption is the difference of readings (<see cref="Consumption.ConsumptionSeries"/>), never a mean.</summary>
    public bool IsCounter => Counter is not null;

    public bool IsBoolean => Unit == QuantityCatalogue.BooleanUnit;

    /// <summary>Decimals of this quantity's values in HJ 212 data uploads.</summary>
    public int Hj212Decimals => Hj212?.Decimals ?? Hj212Factor.DefaultDecimals;
}
