namespace SmartPark.Ingest.Storage;

/// <summary>Whether <see cref="InfluxBatchWriter"/> takes a write now, and if not, why.</summary>
public enum WriteAdmission
{
    Queued,
    /// <summary><c>Ingest:MaxPendingMessages</c> writes already wait in memory.</summary>
    QueueFull,
    /// <summary>InfluxDB is unavailable and the spool is at <c>Ingest:MaxSpoolBytes</c>.</summary>
    SpoolFull,
    /// <summary>The writer is stopping (or has not started).</summary>
    Closed,
}
