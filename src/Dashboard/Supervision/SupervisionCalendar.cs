namespace SmartPark.Dashboard.Supervision;

/// <summary>
/// The supervisors' calendar: China Standard Time (UTC+8 all year, no daylight saving), so "today"
/// and "this quarter" turn over at local midnight wherever the server's clock is set.
/// </summary>
public static class SupervisionCalendar
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Today's date in China Standard Time: what <c>ProjectStage.IsOverdue</c> compares with.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The first instant of the current calendar quarter, China Standard Time.</summary>
    public static DateTimeOffset QuarterStart(TimeProvider clock)
    {
        var today = Today(clock);
        var firstMonth = ((today.Month - 1) / 3 * 3) + 1;
        return new DateTimeOffset(today.Year, firstMonth, 1, 0, 0, 0, ChinaStandardTime);
    }
}
