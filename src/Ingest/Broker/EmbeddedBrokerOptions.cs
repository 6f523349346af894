namespace SmartPark.Ingest.Broker;

/// <summary>Section <c>EmbeddedBroker</c>: the MQTTnet broker Ingest hosts unless told to use an external one.</summary>
public sealed partial class EmbeddedBrokerOptions
{
    public const string Section = "EmbeddedBroker";

    /// <summary>False when Ingest connects to an external broker (Mosquitto, EMQX) instead.</summary>
    public bool Enabled { get; set; } = true;

    public string BindAddress { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;

    /// <summary>QoS 1 messages kept per offline persistent session before the oldest are dropped.</summary>
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>On shutdown, how long the broker refuses new telemetry and waits for Ingest to take
    /// what is queued for it before stopping (its sessions live in memory only).</summary>
    public TimeSpan StopDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
