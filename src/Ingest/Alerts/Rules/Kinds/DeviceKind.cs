using SmartPark.Ingest.Alerts.Engine;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A kind judged per device: when a batch arrives and on the clock.</summary>
public abstract class DeviceKind : RuleKind
{
    public override bool NeedsQuantity => false;

    /// <summary>A batch from the device arrived (already counted in <paramref name="device"/>).</summary>
    public abstract Verdict OnSeen(DeviceMemory device);

    public abstract Verdict OnTick(DeviceMemory device, DateTimeOffset now);
}

/// <summary>A kind judged per enterprise, over the conditions of other rules there: after each
/// batch from the enterprise and on the clock.</summary>
public abstract class EnterpriseKind : RuleKind
{
    public override bool NeedsQuantity => false;

    public abstract Verdict Judge(EngineState state, string park, string enterprise, DateTimeOffset now);
}
