using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A flow meter on an enterprise's wastewater outlet (an electromagnetic meter or a weir with a
/// level gauge): the works discharges while it produces and nothing at night or when shut down.
/// Settings: <c>flowLs</c> (2.5, L/s at full production), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedWastewaterFlowMeter : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _flowLs;
    private readonly ShiftPattern _shift;

    public SimulatedWastewaterFlowMeter(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _flowLs = options.GetDouble("flowLs", 2.5);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.WastewaterFlow.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
        [new(QuantityCatalogue.WastewaterFlow.Name, Flow(_noise, _flowLs, ProductionProfile.Level(at, _shift)))];

    /// <summary>L/s (two decimals, HJ 212's N5.2) at a production level: batches of rinse water
    /// make it uneven; under 5 % of production nothing flows (a meter's low-flow cut-off).</summary>
    internal static double Flow(SeededNoise noise, double ratedLs, double level)
    {
        var flow = ratedLs * level * noise.Uniform(0.75, 1.05);
        return level < 0.05 ? 0 : Math.Round(flow, 2);
    }
}
