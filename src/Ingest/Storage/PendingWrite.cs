namespace SmartPark.Ingest.Storage;

/// <summary>
/// The points of one MQTT message, how to acknowledge that message once they are stored, and
/// what to do if InfluxDB refuses them for good (dead-letter them, so they never block the rest).
/// </summary>
public sealed record PendingWrite(
    IReadOnlyList<string> Lines,
    Func<CancellationToken, Task> AcknowledgeAsync,
    Func<string, Task> RefusedAsync);
