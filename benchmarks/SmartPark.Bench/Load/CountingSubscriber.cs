using MQTTnet;
using MQTTnet.Protocol;

namespace SmartPark.Bench.Load;

/// <summary>
/// A plain MQTTnet subscriber that only counts what it receives (QoS 1, acknowledged at once):
/// what the broker can deliver to one consumer when the consumer costs nothing.
/// </summary>
internal sealed class CountingSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _received;
    private volatile bool _closing;

    private CountingSubscriber(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected && !_closing)
                Console.Error.WriteLine($"bench: counting subscriber disconnected: {e.Reason} {e.ReasonString} {e.Exception?.Message}");
            return Task.CompletedTask;
        };
    }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<CountingSubscriber> StartAsync(int port, string filter, ushort receiveMaximum, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new CountingSubscriber(client);
        await client.ConnectAsync(BenchMqttOptions.Build(port, "bench-counting-subscriber", receiveMaximum), cancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // nothing to keep
        }
        _client.Dispose();
    }
}
