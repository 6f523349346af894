namespace SmartPark.EdgeAgent.Outbox;

/// <summary>A batch waiting for the broker: its <see cref="Seq"/> is fixed when it is stored, so a
/// re-send after a crash carries the same number and the receiver sees a replay, not new data.</summary>
public sealed record OutboxEntry(long Seq, string ReadingsJson, int ReadingCount);
