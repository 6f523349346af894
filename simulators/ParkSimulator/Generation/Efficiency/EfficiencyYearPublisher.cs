using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>Where and how the year is published.</summary>
public sealed record PublishTarget(string Host, int Port, string DeviceSecret)
{
    /// <summary>Readings per telemetry batch: about 130 bytes each, well inside the 64 KiB a batch may be.</summary>
    public int ReadingsPerBatch { get; init; } = 400;

    /// <summary>Devices publishing at once, each on its own connection.</summary>
    public int Parallel { get; init; } = 4;
}

/// <summary>What publishing delivered.</summary>
public sealed record PublishResult(int Devices, long Batches, long Readings);

/// <summary>
/// Delivers a designed year the way the meters would: each meter device logs in to the broker
/// with its own derived password and publishes its counters' readings, oldest first, as QoS 1
/// telemetry batches on its own topic; Ingest validates, stores and rolls them up as any other.
/// A batch the broker does not accept now (Ingest busy: quota, or not yet durable) is sent again
/// after a pause, as an agent's outbox would. Ingest must accept readings a year old
/// (<c>Ingest:MaxReadingAge</c>, 90 days by default).
/// </summary>
public sealed class EfficiencyYearPublisher(EfficiencyYearOptions options, PublishTarget target, Action<string>? progress = null)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);
    private const int MaxAttempts = 120;

    public async Task<PublishResult> PublishAsync(IReadOnlyList<EnterpriseDesign> designs, CancellationToken cancellationToken = default)
    {
        long batches = 0, readings = 0;
        var done = 0;
        await Parallel.ForEachAsync(designs, new ParallelOptions { MaxDegreeOfParallelism = target.Parallel, CancellationToken = cancellationToken }, async (design, token) =>
        {
            var (b, r) = await PublishDeviceAsync(design, token);
            Interlocked.Add(ref batches, b);
            Interlocked.Add(ref readings, r);
            var n = Interlocked.Increment(ref done);
            if (n % 10 == 0 || n == designs.Count)
                progress?.Invoke($"published {n}/{designs.Count} meters, {Interlocked.Read(ref readings)} readings");
        });
        return new PublishResult(designs.Count, batches, readings);
    }

    private async Task<(long Batches, long Readings)> PublishDeviceAsync(EnterpriseDesign design, CancellationToken cancellationToken)
    {
        var meter = design.Meter;
        using var client = new MqttClientFactory().CreateMqttClient();
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(target.Host, target.Port)
            .WithClientId(meter.DeviceId)
            .WithCredentials(meter.DeviceId, DevicePasswords.Derive(target.DeviceSecret, meter.DeviceId))
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(connect, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"{meter.DeviceId}: the broker refused the connection ({result.ResultCode}); is the park database Ingest reads the one written, with the same SMARTPARK_DEVICE_SECRET?");
        var topic = SmartParkTopics.Telemetry(new DeviceAddress(design.ParkId, design.EnterpriseId, meter.DeviceId));
        var years = meter.Counters.Select(c => new CounterYear(options.Year, options.Interval, meter.Shift, meter.Seed, c)).ToList();
        // Interleaved by time, as a meter reporting all its registers would send them.
        var all = Enumerable.Range(0, years[0].Count).SelectMany(k => years.Select(y => (y.Counter, Reading: y.Reading(k))));
        long seq = 0, batches = 0, count = 0;
        foreach (var chunk in all.Chunk(target.ReadingsPerBatch))
        {
            var batch = new TelemetryBatch
            {
                Schema = TelemetryBatch.CurrentSchema,
                Device = meter.DeviceId,
                Seq = ++seq,
                SentAt = chunk[^1].Reading.At,
                Readings = [.. chunk.Select(x => new Reading
                {
                    Sensor = x.Counter.SensorId,
                    Quantity = x.Counter.Quantity,
                    Value = x.Reading.Value,
                    Unit = x.Counter.Unit,
                    Ts = x.Reading.At,
                    Flag = DataFlag.Normal,
                })],
            };
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.TelemetryBatch))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await PublishUntilAcceptedAsync(client, message, meter.DeviceId, cancellationToken);
            batches++;
            count += chunk.Length;
        }
        await client.DisconnectAsync(cancellationToken: cancellationToken);
        return (batches, count);
    }

    private static async Task PublishUntilAcceptedAsync(IMqttClient client, MqttApplicationMessage message, string device, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var published = await client.PublishAsync(message, cancellationToken);
            if (published.IsSuccess)
                return;
            if (attempt >= MaxAttempts || published.ReasonCode is MqttClientPublishReasonCode.NotAuthorized or MqttClientPublishReasonCode.TopicNameInvalid or MqttClientPublishReasonCode.PayloadFormatInvalid)
                throw new InvalidOperationException($"{device}: the broker did not accept a batch ({published.ReasonCode} {published.ReasonString})");
            await Task.Delay(RetryPause, cancellationToken);
        }
    }
}
