using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// The simulated twin of a BME680: weather-driven temperature and humidity, a slowly wandering
/// barometer, and a gas resistance that falls while the workshop works (solvent vapour).
/// Settings: <c>cleanKohm</c> (50), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedEnvironmentSensor : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _cleanKohm;
    private readonly ShiftPattern _shift;
    private double _pressure = 1010;

    public SimulatedEnvironmentSensor(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _cleanKohm = options.GetDouble("cleanKohm", 50);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
    [
        QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name,
        QuantityCatalogue.Pressure.Name, QuantityCatalogue.GasResistance.Name,
    ];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        _pressure = Math.Clamp(_pressure + _noise.Gaussian(0, 0.05), 990, 1030);
        var gas = Math.Max(1, (_cleanKohm / (1 + (2 * level))) + _noise.Gaussian(0, 1));
        return
        [
            new(QuantityCatalogue.Temperature.Name, Math.Round(Ambient.Temperature(at, 24, 4) + (level * 2) + _noise.Gaussian(0, 0.2), 2)),
            new(QuantityCatalogue.Humidity.Name, Math.Round(Math.Clamp(Ambient.Humidity(at, 72) + _noise.Gaussian(0, 1), 0, 100), 2)),
            new(QuantityCatalogue.Pressure.Name, Math.Round(_pressure, 2)),
            new(QuantityCatalogue.GasResistance.Name, Math.Round(gas, 3)),
        ];
    }
}
