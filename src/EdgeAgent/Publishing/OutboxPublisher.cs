using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.Platform.Mqtt;

namespace SmartPark.EdgeAgent.Publishing;

/// <summary>
/// Moves batches from the outbox to the broker, oldest first, up to a window of them awaiting
/// PUBACK at once, and deletes only what the broker acknowledged. A batch whose PUBACK never came
/// stays and is sent again (at least once; the receiver's writes are idempotent).
/// </summary>
public sealed class OutboxPublisher(
    SqliteOutbox outbox,
    ResilientMqttClient mqtt,
    DeviceAddress device,
    int window,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly string _topic = SmartParkTopics.Telemetry(device);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private TaskCompletionSource _empty = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long BatchesAcknowledged { get; private set; }

    /// <summary>Tells the publisher a new batch is waiting.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            if (_empty.Task.IsCompleted)
                _empty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Completes when the publisher has found the outbox empty since the last <see cref="Notify"/>.</summary>
    public Task WaitUntilEmptyAsync(CancellationToken cancellationToken)
    {
        Task empty;
        lock (_gate)
            empty = _empty.Task;
        return empty.WaitAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await mqtt.WaitUntilUpAsync(cancellationToken).ConfigureAwait(false);
            if (!await PublishRoundAsync(cancellationToken).ConfigureAwait(false))
                continue;
            await _wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
        }
    }

    /// <summary>Sends one window. True when the outbox was found empty.</summary>
    private async Task<bool> PublishRoundAsync(CancellationToken cancellationToken)
    {
        var entries = await outbox.PeekAsync(window, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            lock (_gate)
                _empty.TrySetResult();
            return true;
        }

        var sent = await Task.WhenAll(entries.Select(e => TryPublishAsync(e, cancellationToken))).ConfigureAwait(false);
        var acknowledged = entries.Where((_, i) => sent[i]).ToList();
        // Once the broker has the batch, forgetting it must not be cancelled half-way.
        await outbox.RemoveAsync(acknowledged, CancellationToken.None).ConfigureAwait(false);
        BatchesAcknowledged += acknowledged.Count;

        if (acknowledged.Count < entries.Count)
            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> TryPublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(BatchPayload.Build(device.Device, entry, time.GetUtcNow()))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        try
        {
            return await mqtt.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            logger.LogDebug("Batch {Seq} not acknowledged yet: {Error}", entry.Seq, ex.Message);
            return false;
        }
    }
}
