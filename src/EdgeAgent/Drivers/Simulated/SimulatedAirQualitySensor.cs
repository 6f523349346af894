using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A workshop air-quality station (SCD4x + PMS5003 class): CO2 rises with people at work,
/// particulates with production, temperature and humidity follow the weather.
/// Settings: <c>pm25Background</c> (25), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedAirQualitySensor : ISensorDriver
{
    private readonly SeededNoise _noise;
    private readonly double _pm25Background;
    private readonly ShiftPattern _shift;

    public SimulatedAirQualitySensor(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _pm25Background = options.GetDouble("pm25Background", 25);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
    [
        QuantityCatalogue.Co2.Name, QuantityCatalogue.Pm25.Name, QuantityCatalogue.Pm10.Name,
        QuantityCatalogue.Temperature.Name, QuantityCatalogue.Humidity.Name,
    ];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        var co2 = 430 + (level * 450) + _noise.Gaussian(0, 15);
        var pm25 = Math.Max(1, (_pm25Background * (1 + level)) + _noise.Gaussian(0, 3));
        var pm10 = pm25 * _noise.Uniform(1.5, 1.8);
        return
        [
            new(QuantityCatalogue.Co2.Name, Math.Round(co2, 0)),
            new(QuantityCatalogue.Pm25.Name, Math.Round(pm25, 1)),
            new(QuantityCatalogue.Pm10.Name, Math.Round(pm10, 1)),
            new(QuantityCatalogue.Temperature.Name, Math.Round(Ambient.Temperature(at, 24, 4) + (level * 2) + _noise.Gaussian(0, 0.1), 2)),
            new(QuantityCatalogue.Humidity.Name, Math.Round(Ambient.Humidity(at, 72) + _noise.Gaussian(0, 0.5), 1)),
        ];
    }
}
