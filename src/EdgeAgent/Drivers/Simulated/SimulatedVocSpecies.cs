using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A speciating analyser (a GC) at a coating or printing works' stack, after its treatment:
/// benzene, toluene and xylene follow production over a small idle level, with 10 % noise.
/// Settings: <c>benzeneMg</c> (0.05), <c>tolueneMg</c> (0.8), <c>xyleneMg</c> (1.5), mg/m³ at full
/// production; <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedVocSpecies : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _benzene;
    private readonly double _toluene;
    private readonly double _xylene;
    private readonly ShiftPattern _shift;

    public SimulatedVocSpecies(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _benzene = options.GetDouble("benzeneMg", 0.05);
        _toluene = options.GetDouble("tolueneMg", 0.8);
        _xylene = options.GetDouble("xyleneMg", 1.5);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Benzene.Name, QuantityCatalogue.Toluene.Name, QuantityCatalogue.Xylene.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        // The booth's fans keep some solvent moving when the line is idle.
        var share = 0.05 + (0.95 * ProductionProfile.Level(at, _shift));
        double Species(double full) => Math.Max(0, full * share * (1 + _noise.Gaussian(0, 0.1)));
        return
        [
            new(QuantityCatalogue.Benzene.Name, Math.Round(Species(_benzene), 3)),
            new(QuantityCatalogue.Toluene.Name, Math.Round(Species(_toluene), 2)),
            new(QuantityCatalogue.Xylene.Name, Math.Round(Species(_xylene), 2)),
        ];
    }
}
