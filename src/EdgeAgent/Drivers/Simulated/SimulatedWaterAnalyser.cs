using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// The online station at an enterprise's wastewater outlet (after its own treatment): COD,
/// ammonia nitrogen, total phosphorus and nitrogen, pH and the discharge flow. The works
/// discharges while it produces (its shift pattern) and not at all at night; the analysers keep
/// measuring the water standing in the outlet channel, which settles lower. Normal values stay
/// well under GB 21900-2008 Table 2's limits (COD 80, NH₃-N 15, TN 20, TP 1.0 mg/L).
/// Settings: <c>codMg</c> (45, mg/L COD while discharging), <c>flowLs</c> (2.5, L/s at full
/// production), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedWaterAnalyser : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _codMg;
    private readonly double _flowLs;
    private readonly ShiftPattern _shift;

    public SimulatedWaterAnalyser(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _codMg = options.GetDouble("codMg", 45);
        _flowLs = options.GetDouble("flowLs", 2.5);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
    [
        QuantityCatalogue.Cod.Name, QuantityCatalogue.AmmoniaNitrogen.Name, QuantityCatalogue.TotalPhosphorus.Name,
        QuantityCatalogue.TotalNitrogen.Name, QuantityCatalogue.Ph.Name, QuantityCatalogue.WastewaterFlow.Name,
    ];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        // Standing water in the channel reads about 60 % of what the process sends.
        var strength = 0.6 + (0.4 * level);
        double Around(double value, double relative) => Math.Max(0, value * strength * (1 + _noise.Gaussian(0, relative)));
        var cod = Around(_codMg, 0.08);
        var ammonia = Around(4, 0.1);
        var phosphorus = Around(0.35, 0.1);
        var nitrogen = Math.Max(ammonia, Around(10, 0.08));
        var ph = Math.Clamp(7.2 + _noise.Gaussian(0, 0.12), 6.5, 8.0);
        return
        [
            new(QuantityCatalogue.Cod.Name, Math.Round(cod, 1)),
            new(QuantityCatalogue.AmmoniaNitrogen.Name, Math.Round(ammonia, 2)),
            new(QuantityCatalogue.TotalPhosphorus.Name, Math.Round(phosphorus, 2)),
            new(QuantityCatalogue.TotalNitrogen.Name, Math.Round(nitrogen, 2)),
            new(QuantityCatalogue.Ph.Name, Math.Round(ph, 2)),
            new(QuantityCatalogue.WastewaterFlow.Name, SimulatedWastewaterFlowMeter.Flow(_noise, _flowLs, level)),
        ];
    }
}
