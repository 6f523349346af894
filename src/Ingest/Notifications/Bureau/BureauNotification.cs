namespace SmartPark.Ingest.Notifications.Bureau;

/// <summary>
/// The JSON body POSTed to the bureau (src/Ingest/README.md "Bureau webhook"). Flat on purpose: an officer or a
/// receiving system reads one object, fields absent when they do not apply. Built once, when the
/// transition is enqueued, and sent byte-for-byte the same on every retry.
/// </summary>
public sealed record BureauNotification
{
    public int Schema { get; init; } = 1;
    /// <summary>raised, acknowledged, cleared, closed or reminder.</summary>
    public required string Event { get; init; }
    public required string AlertId { get; init; }
    public required long Sequence { get; init; }
    /// <summary>1, 2, … for reminders; absent otherwise.</summary>
    public int? Reminder { get; init; }
    public required string IdempotencyKey { get; init; }
    /// <summary>The alert's state after the transition; <see cref="From"/> the state before.</summary>
    public required string State { get; init; }
    public string? From { get; init; }
    /// <summary>When the transition (or the reminder) happened.</summary>
    public required DateTimeOffset At { get; init; }

    public required string RuleId { get; init; }
    public required string RuleTitle { get; init; }
    public required string RuleKind { get; init; }
    public required string Severity { get; init; }
    public string? Message { get; init; }

    public required string Park { get; init; }
    public BureauEnterprise? Enterprise { get; init; }
    public string? Device { get; init; }
    public string? Sensor { get; init; }

    /// <summary>Pollutant or quantity (catalogue name, e.g. nmhc) and its canonical unit.</summary>
    public string? Quantity { get; init; }
    public string? Unit { get; init; }
    public double? Limit { get; init; }
    /// <summary>Standard and clause the limit comes from.</summary>
    public string? LimitSource { get; init; }
    /// <summary>ISO 8601 duration of the averaging period (PT1H); absent for single readings.</summary>
    public string? Averaging { get; init; }
    public double? Measured { get; init; }
    public double? Peak { get; init; }
    public long Occurrences { get; init; }
    /// <summary>The alert's evidence curves (e.g. production and treatment power, one mean per minute); absent when the rule keeps none.</summary>
    public IReadOnlyList<Contracts.Alerts.EvidenceCurve>? Evidence { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AckComment { get; init; }
    public DateTimeOffset? ClearedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>The enterprise, with the registry's details when the registry knows it.</summary>
public sealed record BureauEnterprise(string Id, string? Name, string? Industry, string? RenovationStatus);
