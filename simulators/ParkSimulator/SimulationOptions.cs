using SmartPark.Platform.Mqtt;

namespace SmartPark.Simulator;

/// <summary>How to run a park: where the broker is, where the virtual devices keep their outboxes.</summary>
public sealed record SimulationOptions
{
    public required string DataDirectory { get; init; }
    public string BrokerHost { get; init; } = "127.0.0.1";
    public int BrokerPort { get; init; } = 1883;
    public int Seed { get; init; } = 1;

    /// <summary>Stop each sensor after this many reads (tests); null runs until stopped.</summary>
    public long? Rounds { get; init; }

    /// <summary>Read every sensor at this interval instead of the park file's (tests, quick demos).</summary>
    public int? IntervalOverrideMs { get; init; }

    /// <summary>When set, every device logs in as its id with <see cref="DevicePasswords.Derive"/>'s password.</summary>
    public string? DeviceSecret { get; init; }

    /// <summary>Longest wait between reconnect attempts (an agent's default is 5 s; accelerated scenarios use less).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>MQTT over TLS for every device (off: plaintext).</summary>
    public MqttTlsOptions Tls { get; init; } = new();

    public MqttEndpointOptions BrokerFor(string deviceId) => new()
    {
        Host = BrokerHost,
        Port = BrokerPort,
        ClientId = deviceId,
        Username = DeviceSecret is null ? null : deviceId,
        Password = DeviceSecret is null ? null : DevicePasswords.Derive(DeviceSecret, deviceId),
        MinReconnectDelay = TimeSpan.FromMilliseconds(200),
        MaxReconnectDelay = MaxReconnectDelay,
        Tls = Tls,
    };
}
