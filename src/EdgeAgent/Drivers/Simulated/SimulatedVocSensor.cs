using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// An in-plant NMHC/TVOC monitor: background plus a process share that follows production,
/// about 8 % noise, and now and then a short peak (a spray booth door, a solvent drum opened).
/// Settings: <c>backgroundMg</c> (0.4), <c>processMg</c> (2.5), <c>peakChance</c> per read (0.01),
/// <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedVocSensor : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _background;
    private readonly double _process;
    private readonly double _peakChance;
    private readonly ShiftPattern _shift;
    private int _peakReadsLeft;
    private double _peakFactor = 1;

    public SimulatedVocSensor(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _background = options.GetDouble("backgroundMg", 0.4);
        _process = options.GetDouble("processMg", 2.5);
        _peakChance = options.GetDouble("peakChance", 0.01);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.Nmhc.Name, QuantityCatalogue.Tvoc.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        if (_peakReadsLeft == 0 && level > 0 && _noise.Chance(_peakChance))
        {
            _peakReadsLeft = 3 + (int)_noise.Uniform(0, 6);
            _peakFactor = _noise.Uniform(2, 4);
        }
        var factor = 1.0;
        if (_peakReadsLeft > 0)
        {
            _peakReadsLeft--;
            factor = _peakFactor;
        }

        var nmhc = Math.Max(0.05, (_background + (level * _process * factor)) * (1 + _noise.Gaussian(0, 0.08)));
        var tvoc = nmhc * _noise.Uniform(1.2, 1.4);
        return
        [
            new(QuantityCatalogue.Nmhc.Name, Math.Round(nmhc, 3)),
            new(QuantityCatalogue.Tvoc.Name, Math.Round(tvoc, 3)),
        ];
    }
}
