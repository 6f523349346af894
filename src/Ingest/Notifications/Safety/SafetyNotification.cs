namespace SmartPark.Ingest.Notifications.Safety;

/// <summary>
/// The JSON body POSTed to the authorities (src/Ingest/README.md "Safety webhook"): what burns or leaks,
/// where, how it stands, and whom at the park to call now. Flat like the bureau's; built once when
/// stored and sent byte for byte the same on every retry.
/// </summary>
public sealed record SafetyNotification
{
    public int Schema { get; init; } = 1;
    /// <summary>raised, acknowledged, cleared, closed or reminder.</summary>
    public required string Event { get; init; }
    public required string AlertId { get; init; }
    public required long Sequence { get; init; }
    public int? Reminder { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string State { get; init; }
    public string? From { get; init; }
    public required DateTimeOffset At { get; init; }

    public required string RuleId { get; init; }
    public required string RuleTitle { get; init; }
    public required string RuleKind { get; init; }
    public required string Severity { get; init; }
    public string? Message { get; init; }

    public required string Park { get; init; }
    public SafetyEnterprise? Enterprise { get; init; }
    public string? Device { get; init; }
    public string? Sensor { get; init; }

    public string? Quantity { get; init; }
    public string? Unit { get; init; }
    public double? Limit { get; init; }
    public string? LimitSource { get; init; }
    public double? Measured { get; init; }
    public double? Peak { get; init; }
    public long Occurrences { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AckComment { get; init; }
    public DateTimeOffset? ClearedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The park's people on duty at <see cref="At"/>, in the order to call them, the manager last;
    /// absent when the park keeps no roster.</summary>
    public IReadOnlyList<SafetyContact>? OnDuty { get; init; }
}

public sealed record SafetyEnterprise(string Id, string? Name, string? Industry);

/// <summary>A person to call at the park: name, phone (E.164), whether they are the park's manager.</summary>
public sealed record SafetyContact(string Name, string? Phone, bool Manager);
