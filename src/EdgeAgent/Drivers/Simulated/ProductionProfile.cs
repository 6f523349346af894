namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// How busy an enterprise is at an instant, 0 (idle) to 1 (full production), in China Standard
/// Time (UTC+8, no daylight saving). Ramps of half an hour round each shift edge keep power and
/// VOC curves believable rather than square.
/// </summary>
public static class ProductionProfile
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private const double RampHours = 0.5;

    public static ShiftPattern Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "two-shifts" or "two_shifts" or "night" => ShiftPattern.TwoShifts,
        "continuous" => ShiftPattern.Continuous,
        "shut-down" or "shut_down" or "shutdown" => ShiftPattern.ShutDown,
        _ => ShiftPattern.Day,
    };

    public static double Level(DateTimeOffset at, ShiftPattern pattern)
    {
        if (pattern == ShiftPattern.ShutDown)
            return 0;
        if (pattern == ShiftPattern.Continuous)
            return 0.9;

        var local = at.ToOffset(ChinaOffset);
        var hour = local.TimeOfDay.TotalHours;
        var workday = local.DayOfWeek != DayOfWeek.Sunday;
        // A night shift that starts on Saturday runs into Sunday morning.
        var nightWorkday = hour < 4 ? local.AddDays(-1).DayOfWeek != DayOfWeek.Sunday : workday;

        var level = 0.0;
        if (workday)
            level = Math.Max(Window(hour, 8, 12), Window(hour, 13.5, 18));
        if (pattern == ShiftPattern.TwoShifts && nightWorkday)
            level = Math.Max(level, Math.Max(Window(hour, 20, 24 + RampHours), Window(hour + 24, 20, 28)) * 0.8);
        return level;
    }

    /// <summary>1 inside [start, end], ramping linearly to 0 over <see cref="RampHours"/> outside.</summary>
    private static double Window(double hour, double start, double end)
    {
        if (hour >= start && hour <= end)
            return 1;
        var distance = hour < start ? start - hour : hour - end;
        return Math.Max(0, 1 - (distance / RampHours));
    }
}
