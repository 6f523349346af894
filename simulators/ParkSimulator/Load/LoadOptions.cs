namespace SmartPark.Simulator.Load;

/// <summary>What <c>simulate load</c> drives: how many devices, how fast, for how long.</summary>
public sealed record LoadOptions
{
    public int Devices { get; init; } = 100;
    /// <summary>Readings in each batch (one per sensor).</summary>
    public int Sensors { get; init; } = 4;
    /// <summary>Batches per second per device (0.2 = one every 5 s).</summary>
    public double Rate { get; init; } = 0.2;
    /// <summary>Connections are opened evenly over this long.</summary>
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long to keep every device connected and publishing after the ramp.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(60);
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 1883;
    /// <summary>MQTT over TLS (off: plaintext).</summary>
    public SmartPark.Platform.Mqtt.MqttTlsOptions Tls { get; init; } = new();
    public string Park { get; init; } = "load-park";
    /// <summary>Device ids are <c>{Prefix}-00001</c>…; 100 devices per enterprise <c>{Prefix}-e001</c>….</summary>
    public string Prefix { get; init; } = "load";
    /// <summary>Derives each device's password (username = device id); null connects anonymously.</summary>
    public string? DeviceSecret { get; init; }
    /// <summary>Connections being opened at once, at most.</summary>
    public int ConnectConcurrency { get; init; } = 64;
    /// <summary>Unacknowledged publishes, at most, across all devices; beyond it publishing waits (backlog).</summary>
    public int MaxInFlight { get; init; } = 20_000;
    public int KeepAliveSeconds { get; init; } = 60;
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(2);

    public const int DevicesPerEnterprise = 100;

    public string DeviceId(int index) => $"{Prefix}-{index + 1:00000}";

    public string EnterpriseId(int index) => $"{Prefix}-e{(index / DevicesPerEnterprise) + 1:000}";

    public IEnumerable<string> Problems()
    {
        if (Devices is < 1 or > 100_000)
            yield return "--devices must be 1 to 100000";
        if (Sensors is < 1 or > 500)
            yield return "--sensors must be 1 to 500";
        if (Rate is < 0 or > 100 || double.IsNaN(Rate))
            yield return "--rate must be 0 to 100 batches per second per device";
        if (!Contracts.Topics.Ids.IsValid(Park) || !Contracts.Topics.Ids.IsValid(DeviceId(Devices - 1)))
            yield return $"--park and --prefix must make ids matching {Contracts.Topics.Ids.Pattern}";
    }
}
