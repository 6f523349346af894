namespace SmartPark.Uplink.Storage;

/// <summary>A point's row in the store: only what a host set is non-null; the rest comes from the registry and options.</summary>
public sealed record StoredSettings(
    long SinceMs,
    long? RtdIntervalMs,
    bool RtdEnabled,
    int? MinInterval,
    long MinIntervalFromMs,
    int? PreviousMinInterval,
    long? ReplyTimeoutMs,
    int? Retries);
