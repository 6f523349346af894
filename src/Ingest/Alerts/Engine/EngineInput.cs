using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>What the engine's single loop works on, in arrival order.</summary>
public abstract record EngineInput;

public sealed record BatchInput(DeviceAddress Device, TelemetryBatch Batch, DateTimeOffset ReceivedAt) : EngineInput;

public sealed record AckInput(string Park, string AlertId, AlertAck Ack, DateTimeOffset ReceivedAt) : EngineInput;
