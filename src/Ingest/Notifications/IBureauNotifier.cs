using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// What the alert engine calls for each transition of an alert whose rule is marked
/// <see cref="AlertDocument.Bureau"/>. The returned task completes once the notification is in the
/// durable outbox (committed and fsynced), never later: delivery happens in the background.
/// </summary>
public interface IBureauNotifier
{
    /// <summary>Stores the notification for this transition; a repeat of the same
    /// (alert, sequence) is ignored. A no-op when the webhook is not configured.</summary>
    Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken);
}
