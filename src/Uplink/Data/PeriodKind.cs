using SmartPark.Hj212;

namespace SmartPark.Uplink.Data;

/// <summary>The periods reported from rollups: minute data (2051, at the MinInterval), hourly (2061), daily (2031).</summary>
public enum PeriodKind
{
    Minute,
    Hour,
    Day,

    /// <summary>2041: each treatment facility's run time in a day (Table C.19).</summary>
    RunTime,
}

public static class PeriodKinds
{
    public static string Command(this PeriodKind kind) => kind switch
    {
        PeriodKind.Minute => Hj212Commands.MinuteData,
        PeriodKind.Hour => Hj212Commands.HourlyData,
        PeriodKind.RunTime => Hj212Commands.RunTimeData,
        _ => Hj212Commands.DailyData,
    };

    public static PeriodKind? FromCommand(string cn) => cn switch
    {
        Hj212Commands.MinuteData => PeriodKind.Minute,
        Hj212Commands.HourlyData => PeriodKind.Hour,
        Hj212Commands.DailyData => PeriodKind.Day,
        Hj212Commands.RunTimeData => PeriodKind.RunTime,
        _ => null,
    };
}
