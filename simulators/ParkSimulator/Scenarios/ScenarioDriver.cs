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
            FlueGasExceedance g => g.Enterprise == enterprise && (g.Sensor is null || g.Sensor == inner.SensorId),
            NightDischarge n => n.Enterprise == enterprise,
            TreatmentOff o => o.Device == device && o.Sensor == inner.SensorId,
            Calibration c => c.Device == device && c.Sensor == inner.SensorId,
            Excursion x => x.Device == device && x.Sensor == inner.SensorId,
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
        // Events that move one quantity with another (dilution air raises O₂ and the flow) read the driver's own O₂.
        var oxygen = values.Where(v => v.Quantity == QuantityCatalogue.Oxygen.Name).Select(v => (double?)v.Value).FirstOrDefault();
        for (var i = 0; i < values.Length; i++)
        {
            foreach (var e in _events)
                values[i] = Apply(e, values[i], t, oxygen);
        }
        return values;
    }

    private SensorValue Apply(ScenarioEvent e, SensorValue v, TimeSpan t, double? oxygen) => e switch
    {
        FlueGasExceedance lean when oxygen is { } o2 && o2 < lean.Oxygen && Shape(lean.At, lean.Ramp, lean.Hold, lean.Recover, t) is > 0 and var shape =>
            Dilute(v, o2, o2 + ((lean.Oxygen - o2) * shape)),
        NightDischarge discharge when Within(t, discharge.At, discharge.Duration) && v.Quantity == QuantityCatalogue.WastewaterFlow.Name =>
            v with { Value = Math.Round(discharge.LitresPerSecond * (1 + _noise.Gaussian(0, 0.05)), 2) },
        TreatmentOff off when Within(t, off.At, off.Duration) && v.Quantity == QuantityCatalogue.Power.Name =>
            v with { Value = Math.Round(Math.Max(0, off.Kw * (1 + _noise.Gaussian(0, 0.03))), 3) },
        // The meter's current follows its power (three phases at 230 V, power factor 0.92, as the twin computes it).
        TreatmentOff off when Within(t, off.At, off.Duration) && v.Quantity == QuantityCatalogue.Current.Name =>
            v with { Value = Math.Round(off.Kw * 1000 / (3 * 230 * 0.92), 2) },
        Excursion x when v.Quantity == x.Quantity && Shape(x.At, x.Ramp, x.Hold, x.Recover, t) is > 0 and var shape =>
            v with { Value = Math.Round(v.Value + ((x.To - v.Value) * shape), 3) },
        Calibration calibration when Within(t, calibration.At, calibration.Duration) => Calibrations.During(v, calibration.Span),
        VocLeak leak when v.Quantity == QuantityCatalogue.Nmhc.Name => v with { Value = Math.Round(v.Value + (leak.Peak * LeakShape(leak, t)), 3) },
        VocLeak leak when v.Quantity == QuantityCatalogue.Tvoc.Name => v with { Value = Math.Round(v.Value + (1.3 * leak.Peak * LeakShape(leak, t)), 3) },
        Fire fire when Within(t, fire.At, fire.Duration) => Burn(fire, v, t - fire.At),
        IllegalOperation run when Within(t, run.At, run.Duration) && v.Quantity == QuantityCatalogue.Power.Name =>
            v with { Value = Math.Round(run.Kw * (1 + _noise.Gaussian(0, 0.03)), 3) },
        SensorFault fault when Within(t, fault.At, fault.Duration) && (fault.Quantity is null || fault.Quantity == v.Quantity) => Fault(fault, v, t - fault.At),
        _ => v,
    };

    private static double LeakShape(VocLeak leak, TimeSpan t) => Shape(leak.At, leak.Ramp, leak.Hold, leak.Recover, t);

    /// <summary>0 → 1 over the ramp, 1 through the hold, 1 → 0 over the recovery.</summary>
    private static double Shape(TimeSpan at, TimeSpan ramp, TimeSpan hold, TimeSpan recover, TimeSpan t)
    {
        var s = t - at;
        if (s < TimeSpan.Zero || s >= ramp + hold + recover)
            return 0;
        if (s < ramp)
            return s / ramp;
        if (s < ramp + hold)
            return 1;
        return 1 - ((s - ramp - hold) / recover);
    }

    /// <summary>
    /// Air let into the stack (or a burner run lean) raises O₂ from <paramref name="from"/> to
    /// <paramref name="to"/>: the flue-gas flow and velocity grow as (20.9 − from)/(20.9 − to), the
    /// moisture is diluted by the inverse. The raw pollutant readings are left as they were: the
    /// works emits more to hold them there, which only the value at reference O₂ shows.
    /// </summary>
    private static SensorValue Dilute(SensorValue v, double from, double to)
    {
        var air = SimulatedFlueGasAnalyser.AirOxygen;
        var dilution = (air - from) / Math.Max(0.1, air - to);
        if (v.Quantity == QuantityCatalogue.Oxygen.Name)
            return v with { Value = Math.Round(to, 1) };
        if (v.Quantity == QuantityCatalogue.FlueGasFlow.Name)
            return v with { Value = Math.Round(v.Value * dilution, 3) };
        if (v.Quantity == QuantityCatalogue.FlueGasVelocity.Name)
            return v with { Value = Math.Round(v.Value * dilution, 2) };
        if (v.Quantity == QuantityCatalogue.FlueGasHumidity.Name)
            return v with { Value = Math.Round(v.Value / dilution, 1) };
        return v;
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
