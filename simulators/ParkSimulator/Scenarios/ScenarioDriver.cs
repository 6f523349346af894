using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// Wraps one simulated driver and bends its readings by the scenario's events, as a function of
/// simulated time: a leak adds NMHC, a fire heats, smokes and flames, a fault freezes, drifts,
/// scales or silences. Everything is seeded, so a scenario repeats reading for reading.
/// </summary>
public sealed class ScenarioDriver : ISensorDriver
{
    private readonly ISensorDriver _inner;
    private readonly DateTimeOffset _simStart;
    private readonly IReadOnlyList<ScenarioEvent> _events;
    private readonly SeededNoise _noise;
    // Stuck faults repeat the first value they saw, per quantity.
    private readonly Dictionary<(SensorFault, string), double> _stuckAt = [];

    public ScenarioDriver(ISensorDriver inner, string enterprise, string device, DateTimeOffset simStart, IEnumerable<ScenarioEvent> events, int seed)
    {
        _inner = inner;
        _simStart = simStart;
        _noise = new SeededNoise(SeededNoise.SeedFor(seed, "scenario", device, inner.SensorId));
        _events = events.Where(e => e switch
        {
            VocLeak l => l.Enterprise == enterprise && (l.Sensor is null || l.Sensor == inner.SensorId),
            Fire f => f.Enterprise == enterprise,
            IllegalOperation o => o.Enterprise == enterprise,
            SensorFault s => s.Device == device && s.Sensor == inner.SensorId,
            _ => false,
        }).ToList();
    }

    public string SensorId => _inner.SensorId;

    public IReadOnlyList<string> Quantities => _inner.Quantities;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var t = at - _simStart;
        if (_events.OfType<SensorFault>().Any(f => f.Mode == FaultMode.Dead && Within(t, f.At, f.Duration)))
            throw new IOException($"sensor {SensorId} does not answer (scenario: dead sensor)");
        var values = _inner.Read(at).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            foreach (var e in _events)
                values[i] = Apply(e, values[i], t);
        }
        return values;
    }

    private SensorValue Apply(ScenarioEvent e, SensorValue v, TimeSpan t) => e switch
    {
        VocLeak leak when v.Quantity == QuantityCatalogue.Nmhc.Name => v with { Value = Math.Round(v.Value + (leak.Peak * LeakShape(leak, t)), 3) },
        VocLeak leak when v.Quantity == QuantityCatalogue.Tvoc.Name => v with { Value = Math.Round(v.Value + (1.3 * leak.Peak * LeakShape(leak, t)), 3) },
        Fire fire when Within(t, fire.At, fire.Duration) => Burn(fire, v, t - fire.At),
        IllegalOperation run when Within(t, run.At, run.Duration) && v.Quantity == QuantityCatalogue.Power.Name =>
            v with { Value = Math.Round(run.Kw * (1 + _noise.Gaussian(0, 0.03)), 3) },
        SensorFault fault when Within(t, fault.At, fault.Duration) && (fault.Quantity is null || fault.Quantity == v.Quantity) => Fault(fault, v, t - fault.At),
        _ => v,
    };

    /// <summary>0 → 1 over the ramp, 1 through the hold, 1 → 0 over the recovery.</summary>
    private static double LeakShape(VocLeak leak, TimeSpan t)
    {
        var s = t - leak.At;
        if (s < TimeSpan.Zero || t >= leak.End)
            return 0;
        if (s < leak.Ramp)
            return s / leak.Ramp;
        if (s < leak.Ramp + leak.Hold)
            return 1;
        return 1 - ((s - leak.Ramp - leak.Hold) / leak.Recover);
    }

    /// <summary>Heat detectors warm at the fire's rate; smoke and flame detectors trip on cue.</summary>
    private static SensorValue Burn(Fire fire, SensorValue v, TimeSpan sinceIgnition)
    {
        if (v.Quantity == QuantityCatalogue.Smoke.Name)
            return v with { Value = sinceIgnition >= fire.SmokeAfter ? 1 : v.Value };
        if (v.Quantity == QuantityCatalogue.Flame.Name)
            return v with { Value = sinceIgnition >= fire.FlameAfter ? 1 : v.Value };
        if (v.Quantity == QuantityCatalogue.Temperature.Name)
            return v with { Value = Math.Round(v.Value + Math.Min(fire.MaxRise, fire.RatePerMinute * sinceIgnition.TotalMinutes), 2) };
        return v;
    }

    private SensorValue Fault(SensorFault fault, SensorValue v, TimeSpan sinceStart)
    {
        switch (fault.Mode)
        {
            case FaultMode.Stuck:
                if (!_stuckAt.TryGetValue((fault, v.Quantity), out var frozen))
                    _stuckAt[(fault, v.Quantity)] = frozen = v.Value;
                return v with { Value = frozen };
            case FaultMode.Noise:
                return v with { Value = Math.Round(v.Value + _noise.Gaussian(0, fault.Amount), 3) };
            case FaultMode.Drift:
                return v with { Value = Math.Round(v.Value + (fault.Amount * sinceStart.TotalHours), 3) };
            case FaultMode.Scale:
                return v with { Value = Math.Round(v.Value * fault.Amount, 3) };
            default:
                return v;
        }
    }

    private static bool Within(TimeSpan t, TimeSpan start, TimeSpan duration) => t >= start && t < start + duration;
}
