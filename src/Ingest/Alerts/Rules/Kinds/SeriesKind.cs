using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A kind judged on each measured reading of one sensor's quantity on one device, with
/// the memory of that series it needs (<see cref="NewState"/>), saved with the engine's state.</summary>
public abstract class SeriesKind : RuleKind
{
    /// <summary>The type of <see cref="NewState"/>'s result (saved under the kind's name), or null.</summary>
    public virtual Type? StateType => null;

    /// <summary>A fresh memory of one series for this rule, or null if the kind keeps none.</summary>
    public virtual RuleState? NewState() => null;

    /// <summary>Remembers the reading and judges the rule.</summary>
    public abstract Verdict OnReading(in SeriesReading reading, RuleState? state);

    /// <summary>Whether the clock alone can change the verdict (a window sliding past old data).</summary>
    public virtual bool JudgesOnTick => false;

    public virtual Verdict OnTick(RuleState state, long nowMs) => Verdict.None;
}

/// <summary>A series kind that keeps a memory of type <typeparamref name="TState"/> per series.</summary>
public abstract class SeriesKind<TState> : SeriesKind where TState : RuleState, new()
{
    public sealed override Type StateType => typeof(TState);

    public sealed override RuleState NewState() => new TState();

    public sealed override Verdict OnReading(in SeriesReading reading, RuleState? state) => OnReading(reading, (TState)state!);

    public sealed override Verdict OnTick(RuleState state, long nowMs) => OnTick((TState)state, nowMs);

    protected abstract Verdict OnReading(in SeriesReading reading, TState state);

    protected virtual Verdict OnTick(TState state, long nowMs) => Verdict.None;
}

/// <summary>One measured reading as a series kind sees it: where, when (Unix ms), what, the
/// registry (for kinds that depend on an enterprise's status or a circuit's rating) and the sensor.</summary>
public readonly record struct SeriesReading(DeviceAddress Device, long Ts, double Value, IEnterpriseStatus Registry, string Sensor = "");

/// <summary>What one rule remembers of one series. Each kind has its own state type.</summary>
public abstract class RuleState;
