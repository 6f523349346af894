using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Escalation;

/// <summary>
/// What the alert engine calls when escalation is registered: the escalation sees each transition
/// first (a raise starts it, an acknowledgement or close stops it, committed before this returns),
/// then the notifier stores the messages of every sink as before.
/// </summary>
public sealed class EscalatingNotifier(AlertNotifier notifier, Escalator escalator) : IAlertNotifier
{
    public async Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        await escalator.ObserveAsync(transition, cancellationToken).ConfigureAwait(false);
        await notifier.EnqueueAsync(transition, cancellationToken).ConfigureAwait(false);
    }
}
