namespace SmartPark.Contracts.Quantities;

/// <summary>
/// What a counting meter measures, so consumption can be converted to standard coal
/// (<c>Efficiency:StandardCoal</c>) and allocated by grade. A quantity with a counter kind is a
/// register that only counts up (<see cref="Quantity.IsCounter"/>).
/// </summary>
public enum CounterKind
{
    Electricity,
    NaturalGas,
    Steam,
    Water,
}
