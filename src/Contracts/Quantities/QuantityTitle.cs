namespace SmartPark.Contracts.Quantities;

/// <summary>What the Dashboard calls a quantity, in each of its two languages.</summary>
public sealed record QuantityTitle(string Zh, string En);
