namespace SmartPark.Contracts.Telemetry;

/// <summary>One sensor value in its quantity's canonical unit, with its HJ 212 data flag.</summary>
public sealed record Reading
{
    public string? Sensor { get; init; }
    public string? Quantity { get; init; }
    public double? Value { get; init; }
    public string? Unit { get; init; }
    public DateTimeOffset? Ts { get; init; }
    public string? Flag { get; init; }
}
