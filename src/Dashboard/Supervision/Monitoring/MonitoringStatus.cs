namespace SmartPark.Dashboard.Supervision.Monitoring;

/// <summary>
/// What the sensors say about a park now, for the people supervising it: open alerts by severity,
/// devices online of those known, enterprises the database marks shut down that still draw power
/// (power above the shut-down rule's noise floor), and emission exceedances raised since the
/// quarter began (null when the alert history cannot be read just now).
/// </summary>
public sealed record MonitoringStatus(
    string Park,
    IReadOnlyDictionary<string, int> OpenAlerts,
    int DevicesOnline,
    int DevicesTotal,
    IReadOnlyList<PoweredShutDownEnterprise> ShutDownDrawingPower,
    int? ExceedancesThisQuarter,
    DateTimeOffset QuarterStart)
{
    /// <summary>True when anything here needs someone's attention.</summary>
    public bool NeedsAttention =>
        OpenAlerts.Values.Sum() > 0 || ShutDownDrawingPower.Count > 0 || ExceedancesThisQuarter > 0 || (DevicesTotal > 0 && DevicesOnline < DevicesTotal);
}

/// <summary>An enterprise marked shut down whose meters read above the noise floor (kW).</summary>
public sealed record PoweredShutDownEnterprise(string Enterprise, string NameZh, string? NameEn, double PowerKw, double NoiseFloorKw);
