namespace SmartPark.Contracts.Consumption;

/// <summary>
/// What happened to a meter's register within a period, stored with the period's consumption
/// (<see cref="ConsumptionSeries.FlagsField"/>) so a report can say which figures are estimated.
/// None of them ever yields a negative or a huge value.
/// </summary>
public static class ConsumptionFlag
{
    /// <summary>The register fell to near zero without a recorded replacement: counted from zero after the fall.</summary>
    public const string Reset = "reset";

    /// <summary>The register passed its maximum and started again: counted across the wrap.</summary>
    public const string Rollover = "rollover";

    /// <summary>A meter was replaced within the period (a recorded replacement): old meter to its final reading, new meter from its first.</summary>
    public const string Replaced = "replaced";

    /// <summary>Part of the period had no readings: its share of the consumption across the gap was interpolated.</summary>
    public const string Gap = "gap";

    /// <summary>The register jumped by more than the meter could have counted (implausible power): the jump was not counted.</summary>
    public const string Jump = "jump";

    public static IReadOnlyList<string> All { get; } = [Reset, Rollover, Replaced, Gap, Jump];
}
