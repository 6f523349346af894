namespace SmartPark.Ingest.Storage;

/// <summary>
/// The points of one MQTT message, how to acknowledge that message once they are stored, and
/// what to do if InfluxDB refuses them for good (dead-letter them, so they never block the rest).
/// <paramref name="PublisherWaits"/>: the publisher sends nothing more until this write is
/// stored (the embedded broker holds its PUBACK, and reads a connection's packets one at a time),
/// so waiting for a batch to fill would only delay it.
/// </summary>
public sealed record PendingWrite(
    IReadOnlyList<string> Lines,
    Func<CancellationToken, Task> AcknowledgeAsync,
    Func<string, Task> RefusedAsync,
    bool PublisherWaits = false);
