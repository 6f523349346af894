using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.TestSupport;

/// <summary>
/// A steady publisher for durability tests: a device that keeps sending batches at a fixed rate
/// and, like a real agent, sends a batch again until the broker acknowledges it. Every reading
/// has its own timestamp, so InfluxDB's count of the device's points is the number of distinct
/// readings it holds.
/// </summary>
public sealed class TelemetryLoad : IAsyncDisposable
{
    private readonly ResilientMqttClient _client;
    // Stopping ends the ticking; the batch in flight still finishes, or it might reach the broker
    // uncounted. Only disposal (or 60 s) aborts it.
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _connection;
    private readonly Task _publishing;
    private long _acknowledged;
    private long _batches;
    // Three hours back: the readings' minute and hour windows are closed, so rollups follow at once.
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow.AddHours(-3);
    private readonly int _perMessage;

    private TelemetryLoad(int port, DeviceAddress device, int messagesPerSecond, int readingsPerMessage)
    {
        Device = device;
        _perMessage = readingsPerMessage;
        _client = new ResilientMqttClient(new MqttEndpointOptions
        {
            Port = port,
            ClientId = device.Device,
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        }, NullLogger.Instance);
        _connection = _client.RunAsync(_abort.Token);
        _publishing = PublishAsync(messagesPerSecond, readingsPerMessage);
    }

    public DeviceAddress Device { get; }

    /// <summary>Readings the broker has acknowledged: what the system owes InfluxDB.</summary>
    public long ReadingsAcknowledged => Interlocked.Read(ref _acknowledged);

    public long BatchesAcknowledged => Interlocked.Read(ref _batches);

    /// <summary>The batch a stored reading came from, from its timestamp (epoch ms).</summary>
    public long SeqOf(long timestampMs) => (timestampMs - _origin.ToUnixTimeMilliseconds()) / _perMessage;

    public static TelemetryLoad Start(int brokerPort, DeviceAddress device, int messagesPerSecond = 40, int readingsPerMessage = 10) =>
        new(brokerPort, device, messagesPerSecond, readingsPerMessage);

    private async Task PublishAsync(int rate, int perMessage)
    {
        var origin = _origin;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        long seq = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                seq++;
                var readings = Enumerable.Range(0, perMessage)
                    .Select(i => TelemetryJson.Reading("voc-1", "nmhc", 1 + (i * 0.01), "mg/m3", origin.AddMilliseconds((seq * perMessage) + i)))
                    .ToArray();
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(SmartParkTopics.Telemetry(Device))
                    .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(Device.Device, seq, readings)))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                while (true)
                {
                    await _client.WaitUntilUpAsync(_abort.Token);
                    try
                    {
                        if (await _client.PublishAsync(message, _abort.Token))
                            break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // connection dropped before the PUBACK: send the same batch again
                    }
                }
                Interlocked.Add(ref _acknowledged, perMessage);
                Interlocked.Increment(ref _batches);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops publishing; what was acknowledged so far is final.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        _abort.CancelAfter(TimeSpan.FromSeconds(60));
        await _publishing;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        // Publishing has ended, so the connection has nothing left to carry: end it now. Waiting for
        // it first (it ends only on _abort) held every disposal for StopAsync's 60 s abort deadline.
        await _abort.CancelAsync();
        await _connection.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _client.DisposeAsync();
        _stop.Dispose();
        _abort.Dispose();
    }
}
