using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A fixed toxic-gas detector with four electrochemical cells (H₂S, CO, NH₃, Cl₂) in ppm: each
/// reads a little above zero in clean workshop air, with noise, never near its exposure limit.
/// Settings: <c>coPpm</c> (1.5, the background CO of a workshop with forklifts), <c>seed</c>.
/// </summary>
public sealed class SimulatedToxicGasDetector : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _co;

    public SimulatedToxicGasDetector(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _co = options.GetDouble("coPpm", 1.5);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.H2s.Name, QuantityCatalogue.CoAmbient.Name, QuantityCatalogue.Nh3.Name, QuantityCatalogue.Cl2.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
    [
        new(QuantityCatalogue.H2s.Name, Cell(0.1, 0.05, 2)),
        new(QuantityCatalogue.CoAmbient.Name, Cell(_co, 0.3, 1)),
        new(QuantityCatalogue.Nh3.Name, Cell(0.5, 0.2, 1)),
        new(QuantityCatalogue.Cl2.Name, Cell(0.01, 0.005, 3)),
    ];

    private double Cell(double zero, double noise, int decimals) => Math.Round(Math.Max(0, zero + _noise.Gaussian(0, noise)), decimals);
}
