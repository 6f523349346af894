using SmartPark.Dashboard.Supervision;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// The years figures may be entered for: from 2000 (no district evaluates further back) to the
/// current year in China Standard Time (a year's figures are collected during and after it,
/// never before).
/// </summary>
public static class EvaluationYears
{
    public const int First = 2000;

    public static int Last(TimeProvider clock) => SupervisionCalendar.Today(clock).Year;

    public static bool IsValid(int year, TimeProvider clock) => year >= First && year <= Last(clock);
}
