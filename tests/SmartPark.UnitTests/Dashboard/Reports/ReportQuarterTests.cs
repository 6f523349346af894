using SmartPark.Dashboard.Supervision.Reports;

namespace SmartPark.UnitTests.Dashboard.Reports;

/// <summary>Quarters fall on China Standard Time: a quarter ends at 16:00 UTC on its last day.</summary>
public sealed class ReportQuarterTests
{
    [Fact]
    public void A_quarter_begins_and_ends_at_midnight_in_China()
    {
        var q3 = ReportQuarter.Create(2026, 3);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero), q3.Start);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero), q3.End);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (q3.FirstDay, q3.LastDay));
        Assert.Equal(q3, ReportQuarter.Containing(new DateTimeOffset(2026, 9, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(ReportQuarter.Create(2026, 4), ReportQuarter.Containing(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        // New Year in Beijing while it is still the old year in UTC.
        Assert.Equal(ReportQuarter.Create(2027, 1), ReportQuarter.Containing(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Quarters_step_across_years_and_parse_only_their_own_spelling()
    {
        Assert.Equal(ReportQuarter.Create(2027, 1), ReportQuarter.Create(2026, 4).Next);
        Assert.Equal(ReportQuarter.Create(2025, 4), ReportQuarter.Create(2026, 1).Previous);
        Assert.True(ReportQuarter.TryParse("2026-Q3", out var q));
        Assert.Equal("2026-Q3", q.ToString());
        foreach (var bad in new[] { "2026-Q5", "2026-Q0", "26-Q1", "2026-q1", "2026-Q1.xlsx", "../2026-Q1", "" })
            Assert.False(ReportQuarter.TryParse(bad, out _), bad);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportQuarter.Create(2026, 5));
    }
}
