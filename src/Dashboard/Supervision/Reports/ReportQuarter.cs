using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPark.Dashboard.Supervision.Reports;

/// <summary>
/// A calendar quarter in China Standard Time, the period a quarterly report covers. CST is a fixed
/// UTC+8 (China has kept no daylight saving since 1991), so the boundaries are computed with a
/// fixed offset rather than a time-zone database the host may lack.
/// </summary>
public readonly partial record struct ReportQuarter(int Year, int Quarter) : IComparable<ReportQuarter>
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static ReportQuarter Create(int year, int quarter) =>
        year is < 2000 or > 2999 || quarter is < 1 or > 4
            ? throw new ArgumentOutOfRangeException(nameof(quarter), $"{year}-Q{quarter} is not a quarter")
            : new ReportQuarter(year, quarter);

    /// <summary>The quarter an instant falls in, on the CST calendar.</summary>
    public static ReportQuarter Containing(DateTimeOffset instant)
    {
        var cst = instant.ToOffset(ChinaStandardTime);
        return new ReportQuarter(cst.Year, (cst.Month - 1) / 3 + 1);
    }

    /// <summary>Parses <c>2026-Q3</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out ReportQuarter quarter)
    {
        quarter = default;
        if (text is null || QuarterPattern().Match(text) is not { Success: true } m)
            return false;
        quarter = new ReportQuarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0');
        return true;
    }

    public DateOnly FirstDay => new(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>Midnight CST of the first day.</summary>
    public DateTimeOffset Start => new(FirstDay.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);

    /// <summary>Midnight CST after the last day (exclusive).</summary>
    public DateTimeOffset End => Next.Start;

    public ReportQuarter Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public ReportQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public int CompareTo(ReportQuarter other) => (Year * 4 + Quarter).CompareTo(other.Year * 4 + other.Quarter);

    public static bool operator <(ReportQuarter a, ReportQuarter b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportQuarter a, ReportQuarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportQuarter a, ReportQuarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportQuarter a, ReportQuarter b) => a.CompareTo(b) >= 0;

    /// <summary><c>2026-Q3</c>: the report's file name and the download's.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    [GeneratedRegex(@"^(2\d{3})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
