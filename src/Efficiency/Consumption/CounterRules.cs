using System.ComponentModel.DataAnnotations;
using SmartPark.Contracts.Quantities;

namespace SmartPark.Efficiency.Consumption;

/// <summary>
/// How a register's readings are judged (<see cref="CounterCalculator"/>): when a silence is a gap,
/// how fast a meter can plausibly count, and how far a register must fall to be a reset rather
/// than a glitch. Bound from Ingest's section <c>Consumption</c>.
/// </summary>
public sealed class CounterRules
{
    /// <summary>Readings further apart than this leave a gap: the consumption between them is still
    /// spread over the windows in between, but those windows are flagged <c>gap</c> and their coverage falls.</summary>
    public TimeSpan GapThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most a meter of each quantity can count in an hour; a rise faster than this is a
    /// <c>jump</c> and is not counted. A quantity not listed has no limit. The defaults are far above
    /// any one connection of an industrial park (100 MW, a DN300 water main, a large gas station, a big boiler house).</summary>
    public Dictionary<string, double> MaxPerHour { get; set; } = new()
    {
        [QuantityCatalogue.Energy.Name] = 100_000,
        [QuantityCatalogue.WaterVolume.Name] = 10_000,
        [QuantityCatalogue.GasVolume.Name] = 100_000,
        [QuantityCatalogue.SteamMass.Name] = 1_000,
    };

    /// <summary>A fall to below this fraction of the previous value (with no wrap and no recorded
    /// replacement to explain it) is a reset counted from zero; a smaller fall is a glitch, not counted.</summary>
    [Range(0.0, 1.0)]
    public double ResetFraction { get; set; } = 0.5;

    public double LimitPerHour(string quantity) =>
        MaxPerHour.TryGetValue(quantity, out var limit) && limit > 0 ? limit : double.PositiveInfinity;
}
