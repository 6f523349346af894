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

    public static bool IsValid(string? flag) => flag is { Length: 1 } && All.Contains(flag);
}
