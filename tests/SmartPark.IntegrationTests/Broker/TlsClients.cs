using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Formatter;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Mqtt;

namespace SmartPark.IntegrationTests.Broker;

/// <summary>The clients the TLS tests drive: a bare MQTTnet connect, and the real edge agent.</summary>
internal static class TlsClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>One connect with SmartPark's client TLS options; true only when the broker said Success.</summary>
    public static async Task<(bool Connected, string Detail)> ConnectOnceAsync(int port, MqttTlsOptions tls, string? username = null, string? password = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(username ?? "tls-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithSmartParkTls("127.0.0.1", tls);
        if (username is not null)
            options.WithCredentials(username, password);
        try
        {
            var result = await client.ConnectAsync(options.Build());
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                return (false, result.ResultCode.ToString());
            // TLS 1.3 finishes the client's handshake before the server has judged the client's
            // certificate: a round trip proves the server kept the connection.
            await client.PingAsync();
            await client.DisconnectAsync();
            return (true, "connected");
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return (false, ex.GetType().Name + ": " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    public static MqttTlsOptions Trusting(string caPath, string? serverName = null) => new() { Enabled = true, CaPath = caPath, ServerName = serverName };

    /// <summary>The real edge agent (outbox, publisher, ResilientMqttClient) for a few rounds; returns its outbox stats once drained.</summary>
    public static async Task<SmartPark.EdgeAgent.Outbox.OutboxStats> RunAgentAsync(string directory, MqttEndpointOptions broker, string park, string enterprise, string device, int rounds)
    {
        var agent = new AgentOptions
        {
            Park = park,
            Enterprise = enterprise,
            Device = device,
            OutboxPath = Path.Combine(directory, device + ".db"),
            Broker = broker,
            Sensors = [new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = 100 }],
        };
        await using var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: rounds, stop.Token);
        await runtime.SamplingCompleted.WaitAsync(Timeout);
        using (var drained = new CancellationTokenSource(Timeout))
            await runtime.WaitUntilDrainedAsync(drained.Token);
        var stats = await runtime.GetStatsAsync();
        await stop.CancelAsync();
        await running;
        return stats;
    }
}
