using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>The curves a rule attaches to its alert (<see cref="AlertDocument.Evidence"/>), and a
/// version that changes when they would, so the lifecycle rebuilds them only then.</summary>
public interface IAlertEvidence
{
    long Version { get; }

    IReadOnlyList<EvidenceCurve> Curves();
}

/// <summary>The evidence of one rule of a <see cref="MeteredEnterpriseKind"/> at one enterprise, from its memory there.</summary>
public sealed class RuleEvidence(MeteredEnterpriseKind kind, RuleState state) : IAlertEvidence
{
    public long Version => kind.EvidenceVersion(state);

    public IReadOnlyList<EvidenceCurve> Curves() => kind.Evidence(state);
}
