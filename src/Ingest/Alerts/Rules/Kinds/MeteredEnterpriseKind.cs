using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Engine;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// A kind judged per enterprise from the readings of one quantity on several of its sensors (the
/// power of its production and treatment meters): the evaluator hands it every measured reading of
/// <see cref="WatchedQuantity"/> at the enterprise, with the rule's memory of that enterprise
/// (<see cref="NewState"/>, saved with the engine's state under the kind's name). Its alerts carry
/// <see cref="Evidence"/>: the curves that show the case.
/// </summary>
public abstract class MeteredEnterpriseKind : EnterpriseKind
{
    /// <summary>The quantity whose readings the kind judges, e.g. <c>power</c>.</summary>
    public abstract string WatchedQuantity { get; }

    /// <summary>The type of <see cref="NewState"/>'s result: one per kind, as the saved state names it.</summary>
    public abstract Type StateType { get; }

    public abstract RuleState NewState();

    /// <summary>Remembers the reading and judges the rule at the reading's enterprise.</summary>
    public abstract Verdict OnReading(in MeterReading reading, RuleState state);

    /// <summary>The curves an alert of this rule shows, from the rule's memory of the enterprise.</summary>
    public abstract IReadOnlyList<EvidenceCurve> Evidence(RuleState state);

    /// <summary>Changes when <see cref="Evidence"/> would (a new minute of data), so an open alert's curves are refreshed once per change, not per reading.</summary>
    public abstract long EvidenceVersion(RuleState state);

    /// <summary>Judged from readings (<see cref="OnReading"/>), not from other rules' conditions.</summary>
    public sealed override Verdict Judge(EngineState state, string park, string enterprise, DateTimeOffset now) => Verdict.None;
}

/// <summary>One measured reading as an enterprise kind sees it: which device and sensor, when (Unix ms), the value, and the registry.</summary>
public readonly record struct MeterReading(DeviceAddress Device, string Sensor, long Ts, double Value, IEnterpriseStatus Registry);
