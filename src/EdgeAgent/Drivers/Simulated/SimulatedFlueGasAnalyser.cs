using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A stack CEMS reading NOx at a boiler or kiln outlet: a low level with the burner on standby,
/// a process share that follows production, about 6 % noise. Settings: <c>standbyMg</c> (5),
/// <c>processMg</c> (60, mg/m³ added at full firing), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedFlueGasAnalyser : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _standby;
    private readonly double _process;
    private readonly ShiftPattern _shift;

    public SimulatedFlueGasAnalyser(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _standby = options.GetDouble("standbyMg", 5);
        _process = options.GetDouble("processMg", 60);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Nox.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        var nox = Math.Max(0.5, (_standby + (level * _process)) * (1 + _noise.Gaussian(0, 0.06)));
        // HJ 212 sends NOx as N5.1: one decimal is all the bureau would see.
        return [new(QuantityCatalogue.Nox.Name, Math.Round(nox, 1))];
    }
}
