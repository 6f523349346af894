namespace SmartPark.Ingest.Notifications;

/// <summary>How a sink's latest delivery attempt went, for its health check.</summary>
public sealed record SinkStatus(bool LastAttemptSucceeded, DateTimeOffset? LastDelivery, string? LastError)
{
    public static readonly SinkStatus Idle = new(true, null, null);
}
