namespace SmartPark.Contracts.Telemetry;

/// <summary>HJ 212-2017 Table 8 data flags, sent as one letter.</summary>
public static class DataFlag
{
    /// <summary>Normal.</summary>
    public const string Normal = "N";
    /// <summary>Instrument stopped.</summary>
    public const string Stopped = "F";
    /// <summary>Maintenance.</summary>
    public const string Maintenance = "M";
    /// <summary>Manually entered set value.</summary>
    public const string Manual = "S";
    /// <summary>Instrument fault.</summary>
    public const string Fault = "D";
    /// <summary>Calibration.</summary>
    public const string Calibration = "C";
    /// <summary>Sample above the instrument's measuring range (not above an emission limit).</summary>
    public const string OverRange = "T";
    /// <summary>Communication fault between instrument and data logger.</summary>
    public const string CommunicationFault = "B";

    public static IReadOnlyList<string> All { get; } =
        [Normal, Stopped, Maintenance, Manual, Fault, Calibration, OverRange, CommunicationFault];

    /// <summary>One of the eight flags (what the validator accepts).</summary>
    public static bool IsValid(string? flag) => flag is { Length: 1 } && All.Contains(flag);

    /// <summary>
    /// Whether the value measures the process: normal, or over range (the true value is at least
    /// the one sent). Values taken in calibration (span gas), maintenance, a stopped or faulty
    /// instrument, a broken link or typed in by hand say nothing about emissions or fire, so
    /// alert rules do not judge them: they neither raise an alert nor clear one.
    /// </summary>
    public static bool IsMeasured(string? flag) => flag is Normal or OverRange;
}
