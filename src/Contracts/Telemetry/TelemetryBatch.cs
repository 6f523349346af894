namespace SmartPark.Contracts.Telemetry;

/// <summary>
/// What an agent publishes on <c>…/{device}/telemetry</c>. Members are nullable on purpose:
/// the wire may omit anything, and <see cref="Validation.TelemetryValidator"/> reports every
/// missing part instead of failing at the first.
/// </summary>
public sealed record TelemetryBatch
{
    public const int CurrentSchema = 1;

    /// <summary>docs/architecture.md, "Telemetry batch": a batch is at most 64 KiB.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    public int? Schema { get; init; }
    public string? Device { get; init; }

    /// <summary>Rises by one per batch per device and survives restarts, so gaps and replays show.</summary>
    public long? Seq { get; init; }

    public DateTimeOffset? SentAt { get; init; }
    public IReadOnlyList<Reading>? Readings { get; init; }
}
