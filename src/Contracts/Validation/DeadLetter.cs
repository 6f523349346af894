namespace SmartPark.Contracts.Validation;

/// <summary>What Ingest publishes on <c>smartpark/v1/deadletter/…</c> for a payload it refused.</summary>
public sealed record DeadLetter
{
    public required string Topic { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required IReadOnlyList<ValidationError> Errors { get; init; }

    /// <summary>The payload as UTF-8 text when it is valid UTF-8 and small, else base64.</summary>
    public required string Payload { get; init; }

    /// <summary><c>utf8</c> or <c>base64</c>.</summary>
    public required string PayloadEncoding { get; init; }

    public required int PayloadBytes { get; init; }
}
