namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A kind that compares a value with a limit, with a deadband below it: what a chart
/// draws as a limit line (the park's published rule set carries <see cref="Limit"/> and <see cref="ClearAt"/>).</summary>
public interface ILimitedKind
{
    double? Limit { get; set; }

    /// <summary>Clears only at or below this (default: the limit): a deadband.</summary>
    double? ClearAt { get; set; }

    /// <summary>Above the limit raises; at or below ClearAt clears; in between keeps the verdict.</summary>
    static Verdict Compare(ILimitedKind kind, double value) =>
        value > kind.Limit ? new(true, value) : value <= (kind.ClearAt ?? kind.Limit) ? new(false, value) : new(null, value);
}
