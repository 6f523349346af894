namespace SmartPark.Bench.Scenarios;

/// <summary>How the bench's publishers reach Ingest.</summary>
internal enum IngestTopology
{
    /// <summary>Publishers → Mosquitto → Ingest (<c>EmbeddedBroker:Enabled=false</c>): Mosquitto
    /// PUBACKs once it has queued a message for Ingest's persistent session.</summary>
    Mosquitto,

    /// <summary>Publishers → Ingest's embedded broker (the default deployment): the PUBACK goes out
    /// once the readings are in InfluxDB or the fsynced spool.</summary>
    Embedded,
}
