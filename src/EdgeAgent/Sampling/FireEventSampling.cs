using System.Threading.Channels;
using SmartPark.EdgeAgent.Drivers.FireAlarm;

namespace SmartPark.EdgeAgent.Sampling;

/// <summary>
/// Publishes the local fire alarm's events without waiting for the reporting interval: every
/// change (alarm on, off, new source) samples the fire sensors at once into the outbox, which the
/// publisher sends as soon as the broker is reachable. Silencing the buzzer changes nothing here.
/// </summary>
public sealed class FireEventSampling(LocalFireAlarm alarm, SensorSampler fireSensors, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var changes = Channel.CreateBounded<FireAlarmChange>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(FireAlarmChange change) => changes.Writer.TryWrite(change);
        alarm.Changed += OnChanged;
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await fireSensors.SampleOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The regular rounds still carry the state; this only made it sooner.
                    logger.LogError(ex, "Could not store the fire alarm event at {At}: {Error}", change.At, ex.Message);
                }
            }
        }
        finally
        {
            alarm.Changed -= OnChanged;
        }
    }
}
