using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A fire-water system's pressure transmitter on the sprinkler or hydrant main and the level gauge
/// of its tank. In standby the main leaks down slowly and the pressure-holding (jockey) pump tops it
/// up: a saw-tooth between <c>stopMpa</c> and <c>startMpa</c>. The tank stays near full, its
/// float valve refilling what evaporates. Settings: <c>startMpa</c> (0.30), <c>stopMpa</c> (0.35),
/// <c>levelM</c> (3.0), <c>seed</c>. The scenario fire-water-night bends the pressure (an excursion).
/// </summary>
public sealed class SimulatedFireWaterSensors : ISensorDriver
{
    // The main leaks down from stop to start pressure in about 40 minutes.
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(40);

    private readonly SeededNoise _noise;
    private readonly double _start;
    private readonly double _stop;
    private readonly double _level;

    public SimulatedFireWaterSensors(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _start = options.GetDouble("startMpa", 0.30);
        _stop = options.GetDouble("stopMpa", 0.35);
        _level = options.GetDouble("levelM", 3.0);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.FireWaterPressure.Name, QuantityCatalogue.FireWaterLevel.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var phase = (at.ToUnixTimeMilliseconds() % (long)Cycle.TotalMilliseconds) / Cycle.TotalMilliseconds;
        var pressure = _stop - ((_stop - _start) * phase) + _noise.Gaussian(0, 0.002);
        var level = _level - (0.02 * phase) + _noise.Gaussian(0, 0.005);
        return
        [
            new(QuantityCatalogue.FireWaterPressure.Name, Math.Round(Math.Max(0, pressure), 3)),
            new(QuantityCatalogue.FireWaterLevel.Name, Math.Round(Math.Max(0, level), 2)),
        ];
    }
}
