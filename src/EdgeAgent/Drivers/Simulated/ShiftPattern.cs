namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>How an enterprise works, which drives its power, VOC and heat.</summary>
public enum ShiftPattern
{
    /// <summary>08:00–12:00 and 13:30–18:00, Monday to Saturday.</summary>
    Day,
    /// <summary>Day shift plus a night shift 20:00–04:00, Monday to Saturday.</summary>
    TwoShifts,
    /// <summary>Round the clock, every day (kilns, cold stores).</summary>
    Continuous,
    /// <summary>Closed under the renovation programme: only standby load.</summary>
    ShutDown,
}
