namespace SmartPark.Contracts.Alerts;

/// <summary>Published by the Dashboard on <c>smartpark/v1/{park}/alerts/{alertId}/ack</c>.</summary>
public sealed record AlertAck
{
    public required string By { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? At { get; init; }
}
