using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// An electrical-fire detector on a distribution board's outgoing circuit (residual current, a
/// terminal's temperature, arc-fault state; GB 14287 parts 2–4). A healthy circuit: its natural
/// leakage (80 mA) grows a little with the load (more equipment on, more capacitive leakage) and
/// wanders; the terminal runs at the room's temperature plus what the load warms it by; no arc.
/// Settings: <c>leakageMa</c> (80), <c>terminalRiseC</c> (15, at full production), <c>shift</c>, <c>seed</c>.
/// A scenario bends these readings (simulators/ParkSimulator: excursion events), not the twin itself.
/// </summary>
public sealed class SimulatedElectricalFireDetector : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _leakage;
    private readonly double _terminalRise;
    private readonly ShiftPattern _shift;
    private double _wander;

    public SimulatedElectricalFireDetector(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _leakage = options.GetDouble("leakageMa", 80);
        _terminalRise = options.GetDouble("terminalRiseC", 15);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.ResidualCurrent.Name, QuantityCatalogue.CableTemperature.Name, QuantityCatalogue.ArcFault.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var load = ProductionProfile.Level(at, _shift);
        _wander = Math.Clamp(_wander + _noise.Gaussian(0, 1), -15, 15);
        var leakage = Math.Max(0, (_leakage * (0.8 + (0.4 * load))) + _wander + _noise.Gaussian(0, 2));
        // The terminal's temperature rise goes with the square of the current (I²R); the room's swing under it.
        var terminal = Ambient.Temperature(at, 26, 4) + (_terminalRise * load * load) + _noise.Gaussian(0, 0.2);
        return
        [
            new(QuantityCatalogue.ResidualCurrent.Name, Math.Round(leakage, 1)),
            new(QuantityCatalogue.CableTemperature.Name, Math.Round(terminal, 1)),
            new(QuantityCatalogue.ArcFault.Name, 0),
        ];
    }
}
