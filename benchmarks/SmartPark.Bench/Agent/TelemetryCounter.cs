using System.Diagnostics;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Bench.Load;
using SmartPark.Contracts;

namespace SmartPark.Bench.Agent;

/// <summary>
/// Subscribes to one device's telemetry and counts readings, remembering when each batch (seq)
/// first arrived, so the drain measurement knows when the backlog was through.
/// </summary>
internal sealed class TelemetryCounter : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _firstSeen = [];
    private long _readings;

    private TelemetryCounter(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var batch = JsonSerializer.Deserialize(e.ApplicationMessage.Payload.FirstSpan, ContractsJsonContext.Default.TelemetryBatch);
            if (batch?.Seq is { } seq && batch.Readings is { } readings)
            {
                lock (_gate)
                {
                    if (_firstSeen.TryAdd(seq, Stopwatch.GetTimestamp()))
                        _readings += readings.Count;
                }
            }
            return Task.CompletedTask;
        };
    }

    public long Readings
    {
        get
        {
            lock (_gate)
                return _readings;
        }
    }

    public static async Task<TelemetryCounter> StartAsync(int port, string topic, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var counter = new TelemetryCounter(client);
        await client.ConnectAsync(BenchMqttOptions.Build(port, "bench-agent-counter-" + Guid.NewGuid().ToString("N")[..6], 2000), cancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        return counter;
    }

    /// <summary>First and last arrival of seqs 1..<paramref name="lastSeq"/>, once all have come.</summary>
    public (long First, long Last)? ArrivalSpan(long lastSeq)
    {
        lock (_gate)
        {
            long first = long.MaxValue, last = 0;
            for (long seq = 1; seq <= lastSeq; seq++)
            {
                if (!_firstSeen.TryGetValue(seq, out var at))
                    return null;
                first = Math.Min(first, at);
                last = Math.Max(last, at);
            }
            return (first, last);
        }
    }

    public async ValueTask DisposeAsync()
    {
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
