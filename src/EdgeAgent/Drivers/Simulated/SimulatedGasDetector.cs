using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A combustible-gas detector (MQ-type through an ADC) in %LEL: a small drifting zero with noise,
/// never near an alarm in a healthy workshop. Settings: <c>zeroLel</c> (0.5), <c>seed</c>.
/// </summary>
public sealed class SimulatedGasDetector : ISensorDriver
{
    private readonly SeededNoise _noise;
    private double _zero;

    public SimulatedGasDetector(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _zero = options.GetDouble("zeroLel", 0.5);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.GasLel.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        _zero = Math.Clamp(_zero + _noise.Gaussian(0, 0.02), 0, 2);
        return [new(QuantityCatalogue.GasLel.Name, Math.Round(Math.Max(0, _zero + _noise.Gaussian(0, 0.1)), 2))];
    }
}
