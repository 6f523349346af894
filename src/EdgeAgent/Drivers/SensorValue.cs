using SmartPark.Contracts.Telemetry;

namespace SmartPark.EdgeAgent.Drivers;

/// <summary>A value in its quantity's canonical unit, with its HJ 212 data flag.</summary>
public readonly record struct SensorValue(string Quantity, double Value, string Flag = DataFlag.Normal);
