using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;

namespace SmartPark.Bench.Load;

/// <summary>
/// Many MQTT connections publishing telemetry with QoS 1, paced open-loop: each connection works
/// out how many batches are due by now and sends them, with a bounded number waiting for their
/// PUBACK. A batch counts as acknowledged (owed to InfluxDB) when the broker's PUBACK says so.
/// </summary>
internal sealed class PublisherPool : IAsyncDisposable
{
    private readonly IReadOnlyList<IMqttClient> _clients;
    private readonly string _prefix;
    private long _acked;
    private long _failed;

    private PublisherPool(IReadOnlyList<IMqttClient> clients, string prefix)
    {
        _clients = clients;
        _prefix = prefix;
    }

    public int Connections => _clients.Count;

    /// <summary>Messages the broker acknowledged since the current phase began.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Publishes that failed or were refused since the current phase began (not owed to InfluxDB).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public static async Task<PublisherPool> ConnectAsync(int port, int connections, string prefix, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        var clients = new List<IMqttClient>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var client = factory.CreateMqttClient();
                clients.Add(client);
                await client.ConnectAsync(BenchMqttOptions.Build(port, DeviceId(prefix, i)), cancellationToken);
            }
        }
        catch
        {
            foreach (var c in clients)
                c.Dispose();
            throw;
        }
        return new PublisherPool(clients, prefix);
    }

    /// <summary>Runs one phase to its end and waits for every outstanding PUBACK.</summary>
    public async Task RunAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _acked, 0);
        Interlocked.Exchange(ref _failed, 0);
        // Readings dated from now on (see TelemetryPayload): live data, in the current rollup windows.
        var origin = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var perConnection = plan.MessagesPerSecond / _clients.Count;
        await Task.WhenAll(_clients.Select((client, i) =>
            Task.Run(() => PublishAsync(client, DeviceId(_prefix, i), plan, perConnection, origin, cancellationToken), cancellationToken)));
    }

    private async Task PublishAsync(IMqttClient client, string device, LoadPlan plan, double rate, DateTimeOffset origin, CancellationToken cancellationToken)
    {
        var topic = SmartParkTopics.Telemetry(new DeviceAddress(plan.Park, LoadPlan.Enterprise, device));
        var payloads = new TelemetryPayload(device, origin, plan.ReadingsPerMessage, plan.StampPublishTime);
        using var window = new SemaphoreSlim(plan.WindowPerConnection);
        var started = Stopwatch.GetTimestamp();
        long seq = 0;
        try
        {
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed >= plan.Duration)
                    break;
                var due = double.IsPositiveInfinity(rate) ? long.MaxValue : (long)(elapsed.TotalSeconds * rate) + 1;
                while (seq < due && Stopwatch.GetElapsedTime(started) < plan.Duration)
                {
                    if (plan.MayPublish is { } may && !may())
                    {
                        await Task.Delay(1, cancellationToken);
                        continue;
                    }
                    await window.WaitAsync(cancellationToken);
                    seq++;
                    var message = new MqttApplicationMessageBuilder()
                        .WithTopic(topic)
                        .WithPayload(payloads.Build(seq))
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .Build();
                    _ = SendAsync(client, message, window, cancellationToken);
                }
                if (!double.IsPositiveInfinity(rate))
                    await Task.Delay(2, cancellationToken);
            }
        }
        finally
        {
            // Wait for every PUBACK still outstanding (bounded: a publish times out on its own).
            for (var i = 0; i < plan.WindowPerConnection; i++)
                await window.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }

    private async Task SendAsync(IMqttClient client, MqttApplicationMessage message, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            Interlocked.Increment(ref result.IsSuccess ? ref _acked : ref _failed);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            window.Release();
        }
    }

    private static string DeviceId(string prefix, int i) => $"{prefix}-{i:D3}";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            try
            {
                if (client.IsConnected)
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // the broker is going away with the bench anyway
            }
            client.Dispose();
        }
    }
}
