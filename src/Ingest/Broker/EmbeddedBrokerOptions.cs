using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;

namespace SmartPark.Ingest.Broker;

/// <summary>Section <c>EmbeddedBroker</c>: the MQTTnet broker Ingest hosts unless told to use an external one.</summary>
public sealed partial class EmbeddedBrokerOptions
{
    public const string Section = "EmbeddedBroker";

    /// <summary>False when Ingest connects to an external broker (Mosquitto, EMQX) instead.</summary>
    public bool Enabled { get; set; } = true;

    public string BindAddress { get; set; } = "127.0.0.1";
    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPorts.Mqtt;

    /// <summary>QoS 1 messages queued per subscriber session (Dashboard, Uplink, an offline device's
    /// commands) before the oldest are dropped. Telemetry is not queued for Ingest (it is handed over
    /// in-process and acknowledged once durable), so what overflows here is another subscriber's
    /// best-effort live copy, never a reading a device was told is stored.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>How long a device's telemetry publish may wait for its readings to be durable before
    /// its PUBACK says "not stored, send again". Its connection reads nothing meanwhile, so this stays
    /// below the clients' ping timeout (the agent's is 10 s).</summary>
    [PositiveDuration]
    public TimeSpan DurableAckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On shutdown, how long the broker refuses new telemetry and waits for Ingest to take
    /// what is queued for it before stopping (its sessions live in memory only).</summary>
    public TimeSpan StopDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Section <c>EmbeddedBroker</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class EmbeddedBrokerOptionsValidator : IValidateOptions<EmbeddedBrokerOptions>;
