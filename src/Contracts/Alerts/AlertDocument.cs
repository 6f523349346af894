namespace SmartPark.Contracts.Alerts;

/// <summary>
/// The state of one alert, retained on <c>smartpark/v1/{park}/alerts/{alertId}</c> while it is
/// open (an empty retained body deletes it once closed). One alert exists per (rule, scope):
/// new occurrences while it is open raise <see cref="Occurrences"/> and <see cref="Peak"/>.
/// </summary>
public sealed record AlertDocument
{
    public int Schema { get; init; } = 1;
    public required string AlertId { get; init; }
    public required string RuleId { get; init; }
    /// <summary>Human title of the rule, e.g. "In-plant NMHC, 1-hour mean".</summary>
    public required string Rule { get; init; }
    /// <summary>The rule's kind: one of <see cref="ParkRules.Kinds"/> (Ingest's list of kinds).</summary>
    public required string Kind { get; init; }
    public required string Severity { get; init; }
    /// <summary>True when the environment bureau is told of this alert's transitions.</summary>
    public bool Bureau { get; init; }
    /// <summary>True for safety alarms (fire, electrical fire, gas, fire water): the emergency-management and fire
    /// authorities hear of them and the Dashboard's <c>safety</c> role sees them.</summary>
    public bool Safety { get; init; }
    public required string State { get; init; }

    public required string Park { get; init; }
    public string? Enterprise { get; init; }
    public string? Device { get; init; }
    public string? Sensor { get; init; }

    public string? Quantity { get; init; }
    public string? Unit { get; init; }
    public double? Limit { get; init; }
    /// <summary>Averaging period of the compared value (ISO 8601 duration, e.g. PT1H); null for single readings.</summary>
    public string? Averaging { get; init; }
    /// <summary>The standard and clause the limit comes from.</summary>
    public string? Source { get; init; }
    public string? Message { get; init; }

    /// <summary>The value that last made the condition true, and the worst one while open.</summary>
    public double? Value { get; init; }
    public double? Peak { get; init; }
    public long Occurrences { get; init; }
    /// <summary>Curves that show the case (e.g. production and treatment power over the last two hours), attached
    /// when the alert is raised and refreshed while it is open; null for rules that keep none.</summary>
    public IReadOnlyList<EvidenceCurve>? Evidence { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AckComment { get; init; }
    /// <summary>When and by whom the environment bureau acknowledged receipt (bureau alerts only).</summary>
    public DateTimeOffset? BureauReceivedAt { get; init; }
    public string? BureauReceivedBy { get; init; }
    public DateTimeOffset? ClearedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
