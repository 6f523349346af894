using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A water, natural gas or steam meter on an enterprise's supply: its register only counts up,
/// at <c>ratedPerHour</c> (the quantity's unit per hour at full production) times the shift's
/// production level, over a standby flow (<c>standbyPerHour</c>, default 5 % of rated: canteen
/// and toilets, a pilot flame, a kept-warm header). One class for the three twins
/// (<c>sim-water-meter</c>, <c>sim-gas-meter</c>, <c>sim-steam-meter</c>) so the three count alike.
/// </summary>
public sealed class SimulatedUtilityMeter : ISensorDriver
{
    /// <summary>Thousandths: the litre a water or gas meter's last drum shows, the kilogram of a steam meter's tonnes.</summary>
    private const int Decimals = 3;

    private static readonly DateTimeOffset RegisterEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SeededNoise _noise;
    private readonly string _quantity;
    private readonly double _ratedPerHour;
    private readonly double _standbyPerHour;
    private readonly ShiftPattern _shift;
    private double _register;
    private DateTimeOffset? _lastRead;

    public SimulatedUtilityMeter(SensorOptions options, int seed, Quantity quantity, double defaultRatedPerHour)
    {
        SensorId = options.Id;
        _quantity = quantity.Name;
        Quantities = [quantity.Name];
        _noise = new SeededNoise(seed);
        _ratedPerHour = options.GetDouble("ratedPerHour", defaultRatedPerHour);
        _standbyPerHour = options.GetDouble("standbyPerHour", _ratedPerHour * 0.05);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
        _register = 100 + (seed % 5_000);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        if (_lastRead is null)
        {
            // Where a meter installed at the epoch would stand now, so a restarted agent's meter
            // keeps counting up instead of resetting (as SimulatedEnergyMeter does).
            _register += Math.Max(0, (at - RegisterEpoch).TotalHours) * _ratedPerHour * 0.3;
        }
        var level = ProductionProfile.Level(at, _shift);
        var flowPerHour = Math.Max(0, _standbyPerHour + (level * _ratedPerHour * _noise.Uniform(0.8, 1.0)));
        if (_lastRead is { } last && at > last)
            _register += flowPerHour * (at - last).TotalHours;
        _lastRead = at;
        return [new SensorValue(_quantity, Math.Round(_register, Decimals))];
    }
}
