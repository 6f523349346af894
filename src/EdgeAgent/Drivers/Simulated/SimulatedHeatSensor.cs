using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A heat detector's temperature (a DS18B20 under the roof): a daily outdoor cycle in
/// China Standard Time plus the warmth production adds, with a little sensor noise.
/// Settings: <c>meanC</c> (24), <c>dailySwingC</c> (4), <c>processC</c> (6), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedHeatSensor : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _mean;
    private readonly double _swing;
    private readonly double _process;
    private readonly ShiftPattern _shift;

    public SimulatedHeatSensor(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _mean = options.GetDouble("meanC", 24);
        _swing = options.GetDouble("dailySwingC", 4);
        _process = options.GetDouble("processC", 6);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Temperature.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
        [new(QuantityCatalogue.Temperature.Name, Math.Round(Ambient.Temperature(at, _mean, _swing) + (ProductionProfile.Level(at, _shift) * _process) + _noise.Gaussian(0, 0.1), 2))];
}
