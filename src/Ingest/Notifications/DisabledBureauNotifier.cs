using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>Used when <c>Bureau:Webhook:Url</c> is not set (logged once at start by
/// <see cref="BureauDeliveryService"/>): accepts and drops, so the engine needs no special case.</summary>
public sealed class DisabledBureauNotifier : IBureauNotifier
{
    public Task EnqueueAsync(AlertTransition transition, CancellationToken cancellationToken) => Task.CompletedTask;
}
