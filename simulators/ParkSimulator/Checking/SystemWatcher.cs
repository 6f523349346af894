using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Simulator.Checking;

/// <summary>One alert document as it arrived, or its deletion (<see cref="Document"/> null: closed).</summary>
public sealed record AlertSighting(string AlertId, AlertDocument? Document, DateTimeOffset SeenAt);

/// <summary>
/// Watches what the system says about a park while a scenario runs: alert documents on
/// <c>smartpark/v1/{park}/alerts/+</c> and dead letters on <c>smartpark/v1/deadletter/{park}/#</c>,
/// each stamped with when it arrived. Needs an account that may read them (the dashboard's, or
/// anonymous on an open broker).
/// </summary>
public sealed class SystemWatcher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<AlertSighting> _alerts = new();
    private readonly ConcurrentQueue<(DeviceAddress Device, DateTimeOffset SeenAt)> _deadLetters = new();
    private readonly string _park;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closing = new();
    private MqttClientOptions? _connect;
    private string _login = "anonymous";

    private SystemWatcher(string park, TimeProvider time)
    {
        _park = park;
        _time = time;
    }

    public IReadOnlyList<AlertSighting> Alerts => [.. _alerts];
    public IReadOnlyList<(DeviceAddress Device, DateTimeOffset SeenAt)> DeadLetters => [.. _deadLetters];

    public static async Task<SystemWatcher> StartAsync(MqttEndpointOptions broker, string park, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var watcher = new SystemWatcher(park, time ?? TimeProvider.System);
        watcher._client.ApplicationMessageReceivedAsync += e =>
        {
            watcher.OnMessage(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        watcher._connect = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithSmartParkTls(broker.Host, broker.Tls)
            .WithClientId(broker.ClientId)
            .WithCredentials(broker.Username, broker.Password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build();
        watcher._login = broker.Username ?? "anonymous";
        await watcher.ConnectAndSubscribeAsync(cancellationToken);
        // A broker restart (a scenario event) drops the watcher too: it comes back and subscribes
        // again, and the retained alert documents arrive once more.
        watcher._client.DisconnectedAsync += args =>
        {
            if (!watcher._closing.IsCancellationRequested)
                _ = watcher.ReconnectAsync();
            return Task.CompletedTask;
        };
        return watcher;
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var connected = await _client.ConnectAsync(_connect!, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"the broker refused the watcher ({_login}): {connected.ResultCode} {connected.ReasonString}");
        var subscribed = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"{SmartParkTopics.Root}/{_park}/alerts/+", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{SmartParkTopics.Root}/deadletter/{_park}/#", MqttQualityOfServiceLevel.AtMostOnce)
            .Build(), cancellationToken);
        var refused = subscribed.Items.Where(i => (int)i.ResultCode >= 0x80).ToList();
        if (refused.Count > 0)
            throw new InvalidOperationException($"the broker refused the watcher's subscriptions ({_login}): {string.Join(", ", refused.Select(r => $"{r.TopicFilter.Topic} {r.ResultCode}"))}");
    }

    private async Task ReconnectAsync()
    {
        while (!_closing.IsCancellationRequested && !_client.IsConnected)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), _closing.Token);
                await ConnectAndSubscribeAsync(_closing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                // The broker is still down: try again.
            }
        }
    }

    private void OnMessage(MqttApplicationMessage message)
    {
        var now = _time.GetUtcNow();
        if (!SmartParkTopics.TryParse(message.Topic, out var topic) || topic is null)
            return;
        if (topic.Kind == TopicKind.Alert)
        {
            var id = topic.AlertId ?? "";
            if (message.Payload.IsEmpty)
            {
                _alerts.Enqueue(new AlertSighting(id, null, now));
                return;
            }
            try
            {
                var doc = JsonSerializer.Deserialize(message.Payload.ToArray(), ContractsJsonContext.Default.AlertDocument);
                if (doc is not null)
                    _alerts.Enqueue(new AlertSighting(doc.AlertId, doc, now));
            }
            catch (JsonException)
            {
                // Not an alert document: nothing a scenario can judge.
            }
        }
        else if (topic.Kind == TopicKind.DeadLetter && topic.Device is { } device && device.Park == _park)
        {
            _deadLetters.Enqueue((device, now));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_client.IsConnected)
            await _client.DisconnectAsync();
        _client.Dispose();
        _closing.Dispose();
    }
}
