using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Platform.Mqtt;

namespace SmartPark.TestSupport;

/// <summary>
/// A test subscriber that keeps every message it receives. With <c>persistent: true</c> it holds
/// a broker session across its own and the broker's restarts, as a real consumer would.
/// </summary>
public sealed class MqttCollector : IAsyncDisposable
{
    private readonly ResilientMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _messages = new();

    private MqttCollector(int port, string[] filters, bool persistent, string? username, string? password, string? clientIdPrefix)
    {
        _client = new ResilientMqttClient(new MqttEndpointOptions
        {
            Port = port,
            ClientId = (clientIdPrefix ?? "collector-") + Guid.NewGuid().ToString("N")[..8],
            CleanStart = !persistent,
            SessionExpirySeconds = persistent ? 3600u : 0u,
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
            Username = username,
            Password = password,
        }, NullLogger.Instance);
        _client.OnConnectedAsync = async (_, ct) =>
        {
            var options = new MqttClientSubscribeOptionsBuilder();
            foreach (var f in filters)
                options.WithTopicFilter(f, MqttQualityOfServiceLevel.AtLeastOnce);
            await _client.Client.SubscribeAsync(options.Build(), ct);
        };
        _client.Client.ApplicationMessageReceivedAsync += e =>
        {
            _messages.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        _running = _client.RunAsync(_stop.Token);
    }

    public IReadOnlyList<(string Topic, byte[] Payload)> Messages => _messages.ToArray();

    /// <summary>Subscribes to <paramref name="filters"/>; with a registry, as an account allowed to read them
    /// (<paramref name="username"/>, with the client id its role must use, e.g. <c>smartpark-dashboard-</c>).</summary>
    public static async Task<MqttCollector> StartAsync(int port, string[] filters, bool persistent = false, string? username = null, string? password = null, string? clientIdPrefix = null)
    {
        var collector = new MqttCollector(port, filters, persistent, username, password, clientIdPrefix);
        await collector._client.WaitUntilUpAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
