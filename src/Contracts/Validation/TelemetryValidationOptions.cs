namespace SmartPark.Contracts.Validation;

/// <summary>Limits a batch is checked against; defaults suit a park, tests may tighten them.</summary>
public sealed record TelemetryValidationOptions
{
    /// <summary>How far ahead of the receiver's clock a reading may be (agents' clocks drift).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a reading may be: an agent's outbox can hold weeks of an outage.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(90);

    public int MaxReadings { get; init; } = 2_000;

    public static TelemetryValidationOptions Default { get; } = new();
}
