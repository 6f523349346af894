using SmartPark.Hj212;

namespace SmartPark.Uplink.Data;

/// <summary>The periods reported from rollups: minute data (2051, at the MinInterval), hourly (2061), daily (2031).</summary>
public enum PeriodKind
{
    Minute,
    Hour,
    Day,
}

public static class PeriodKinds
{
    public static string Command(this PeriodKind kind) => kind switch
    {
        PeriodKind.Minute => Hj212Commands.MinuteData,
        PeriodKind.Hour => Hj212Commands.HourlyData,
        _ => Hj212Commands.DailyData,
    };

    public static PeriodKind? FromCommand(string cn) => cn switch
    {
        Hj212Commands.MinuteData => PeriodKind.Minute,
        Hj212Commands.HourlyData => PeriodKind.Hour,
        Hj212Commands.DailyData => PeriodKind.Day,
        _ => null,
    };
}
