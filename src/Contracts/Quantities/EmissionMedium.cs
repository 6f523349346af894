namespace SmartPark.Contracts.Quantities;

/// <summary>
/// What a pollutant concentration is carried in, so that a measured flow of that medium turns it
/// into a mass emission rate (<see cref="Derivation.Rate"/>): flue gas (mg/m³ × m³/s) or
/// wastewater (mg/L × L/s).
/// </summary>
public enum EmissionMedium
{
    FlueGas,
    Wastewater,
}

/// <summary>How a derived quantity is computed from the quantity it is derived from
/// (<see cref="Quantity.DerivedFrom"/>); see <c>src/Contracts/Emissions/</c>.</summary>
public enum Derivation
{
    /// <summary>The concentration on a dry basis at the reference oxygen content its standard sets (折算浓度; HJ 212 <c>-Zs…</c> fields).</summary>
    Converted,

    /// <summary>The mass emission rate in kg/h: the dry concentration times the dry standard flow (排放速率); its integral over a period is HJ 212's <c>-Cou</c>.</summary>
    Rate,
}
