namespace SmartPark.Contracts.Alerts;

/// <summary>Published by the Dashboard on <c>smartpark/v1/{park}/alerts/{alertId}/ack</c>.</summary>
public sealed record AlertAck
{
    public required string By { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? At { get; init; }

    /// <summary>A bureau officer confirming that the environment bureau has received a bureau
    /// alert. It is recorded on the alert (<see cref="AlertDocument.BureauReceivedBy"/>) and does not
    /// change its state: handling the alert stays with the park's operators.</summary>
    public bool Receipt { get; init; }
}
