namespace SmartPark.Contracts.Alerts;

/// <summary>
/// One lifecycle event of an alert: stored in InfluxDB (<c>alert_event</c>), sent to the bureau
/// for bureau rules, and the reason the retained alert document changed. <see cref="From"/> is
/// null when the alert was raised. <see cref="Sequence"/> rises by one per transition of an alert,
/// so receivers can order them and drop repeats.
/// </summary>
public sealed record AlertTransition
{
    public required string AlertId { get; init; }
    public required long Sequence { get; init; }
    public string? From { get; init; }
    public required string To { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Who caused it (an acknowledging person); null for transitions the engine made.</summary>
    public string? By { get; init; }
    public string? Comment { get; init; }
    /// <summary>A reminder for an alert still unacknowledged, not a state change.</summary>
    public bool Reminder { get; init; }
    public required AlertDocument Alert { get; init; }
}
