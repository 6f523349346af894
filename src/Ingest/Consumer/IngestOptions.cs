using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Ingest.Consumer;

/// <summary>Section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The broker Ingest consumes from; with the embedded broker, its own port.</summary>
    [ValidateObjectMembers]
    public MqttEndpointOptions Broker { get; set; } = new()
    {
        ClientId = "smartpark-ingest",
        CleanStart = false,
        SessionExpirySeconds = 24 * 3600,
    };

    /// <summary>
    /// Shared-subscription group for running several Ingest replicas against one broker; empty
    /// (the default) subscribes plainly. Off by default because brokers lose QoS 1 messages that
    /// were in flight to a shared-subscription member that disconnects (Mosquitto 2.0,
    /// eclipse-mosquitto#2662; EMQX#12257): a killed Ingest would lose them, where a plain
    /// persistent subscription gets them redelivered. Used only when the broker offers shared
    /// subscriptions (MQTTnet's embedded broker does not).
    /// </summary>
    public string? ShareGroup { get; set; }

    /// <summary>Points per InfluxDB write, at most.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchPoints { get; set; } = 5_000;

    /// <summary>InfluxDB writes in flight at once (acknowledgements still go out in arrival order).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentWrites { get; set; } = 4;

    /// <summary>How long a point may wait for its batch to fill.</summary>
    [PositiveDuration]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Messages taken from the broker but not yet stored; past this, Ingest stops taking more.
    /// Kept near <see cref="ReceiveMaximum"/>: a broker should never send more than that unacknowledged,
    /// but Mosquitto 2.0.11 (Debian 12's) was measured doing so under load, and 20,000 queued
    /// 10-reading messages took Ingest past 700 MB resident.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPendingMessages { get; set; } = 4_000;

    /// <summary>Where accepted points wait while InfluxDB is down or slow.</summary>
    public string SpoolDirectory { get; set; } = Path.Combine("data", "spool");

    /// <summary>Past this, Ingest stops acknowledging (the broker holds messages) rather than drop anything.</summary>
    [Range(1, long.MaxValue)]
    public long MaxSpoolBytes { get; set; } = 1L << 30;

    /// <summary>A write slower than this counts as InfluxDB being unavailable: points go to the spool.</summary>
    [PositiveDuration]
    public TimeSpan DirectWriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unacknowledged messages the broker may send before waiting for acknowledgements.</summary>
    public ushort ReceiveMaximum { get; set; } = 2_000;

    /// <summary>No telemetry for this long while connected: subscribe again, then reconnect.</summary>
    [PositiveDuration]
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxReadingAge { get; set; } = TimeSpan.FromDays(90);
}

/// <summary>Section <c>Ingest</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;
