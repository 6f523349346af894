namespace SmartPark.EdgeAgent.Outbox;

/// <summary>What the outbox holds and has held, for status, health and tests.</summary>
public sealed record OutboxStats(long PendingBatches, long PendingReadings, long ReadingsStored, long ReadingsAcknowledged, long LastSeq, long ReadingsDropped = 0);
