using System.Threading.Channels;

namespace SmartPark.Ingest.Notifications;

/// <summary>Wakes the delivery loop when something new is in the outbox or a delivery finished;
/// many pulses before it looks collapse into one.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Pulse() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a pulse or <paramref name="timeout"/> on <paramref name="time"/>'s clock;
    /// throws only when <paramref name="stoppingToken"/> fires.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken stoppingToken)
    {
        using var expiry = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, expiry.Token);
        try
        {
            await _channel.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false);
            _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }
}
