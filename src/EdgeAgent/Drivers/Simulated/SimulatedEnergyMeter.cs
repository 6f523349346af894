using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A three-phase meter on an enterprise's incomer: power follows the shift pattern over a
/// standby floor; the energy register only counts up, integrating power between reads.
/// Settings: <c>ratedKw</c> (default 150), <c>standbyKw</c> (default 2 % of rated), <c>fixedSpeed</c>
/// (false), <c>shift</c>, <c>seed</c>. With <c>fixedSpeed</c> it meters a fan or pump on a fixed-speed
/// motor, such as a scrubber's (a treatment meter, registry <c>role: treatment</c>): started with the
/// line and at full load whenever the line runs at all, at standby otherwise.
/// </summary>
public sealed class SimulatedEnergyMeter : ISensorDriver
{
    private static readonly DateTimeOffset RegisterEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SeededNoise _noise;
    private readonly double _ratedKw;
    private readonly double _standbyKw;
    private readonly ShiftPattern _shift;
    private readonly bool _fixedSpeed;
    private double _energyKwh;
    private DateTimeOffset? _lastRead;

    public SimulatedEnergyMeter(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _ratedKw = options.GetDouble("ratedKw", 150);
        // A shut-down works keeps lights and a guard room, not 2 % of a production line it no longer runs.
        _standbyKw = options.GetDouble("standbyKw", _ratedKw * 0.02);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
        _fixedSpeed = options.GetBool("fixedSpeed", false);
        _energyKwh = 10_000 + (seed % 50_000);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
        [QuantityCatalogue.Power.Name, QuantityCatalogue.Energy.Name, QuantityCatalogue.Voltage.Name, QuantityCatalogue.Current.Name];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        if (_lastRead is null)
        {
            // Start the register where a meter installed at the epoch would stand now, so a
            // restarted agent's meter keeps counting up instead of resetting.
            _energyKwh += Math.Max(0, (at - RegisterEpoch).TotalHours) * _ratedKw * 0.3;
        }

        var standbyKw = _standbyKw;
        var level = ProductionProfile.Level(at, _shift);
        if (_fixedSpeed)
            level = level > 0.05 ? 1 : 0;
        var powerKw = Math.Max(0, standbyKw + (level * _ratedKw * _noise.Uniform(0.8, 1.0)) + _noise.Gaussian(0, standbyKw * 0.1));

        if (_lastRead is { } last && at > last)
            _energyKwh += powerKw * (at - last).TotalHours;
        _lastRead = at;

        var voltage = 230 + _noise.Gaussian(0, 1.5);
        var current = powerKw * 1000 / (3 * voltage * 0.92);
        return
        [
            new(QuantityCatalogue.Power.Name, Math.Round(powerKw, 3)),
            new(QuantityCatalogue.Energy.Name, Math.Round(_energyKwh, 2)),
            new(QuantityCatalogue.Voltage.Name, Math.Round(voltage, 1)),
            new(QuantityCatalogue.Current.Name, Math.Round(current, 2)),
        ];
    }
}
