using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// What the alert engine calls for every transition it publishes. The returned task completes
/// once the transition is in the durable outbox of every enabled sink that routes it (committed
/// and fsynced), never later: delivery happens in the background. The engine knows no sink.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Stores the message for this transition in each routing sink's outbox; a repeat of
    /// the same (alert, sequence) is ignored per sink, so calling again after a failure is safe.</summary>
    Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken);
}
