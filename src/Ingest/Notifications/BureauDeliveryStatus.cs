namespace SmartPark.Ingest.Notifications;

/// <summary>How the latest delivery attempt went, for the health check.</summary>
public sealed record BureauDeliveryStatus(bool LastAttemptSucceeded, DateTimeOffset? LastDelivery, string? LastError)
{
    public static readonly BureauDeliveryStatus Idle = new(true, null, null);
}
