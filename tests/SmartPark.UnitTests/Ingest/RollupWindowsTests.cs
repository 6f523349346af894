using SmartPark.Ingest.Rollups;

namespace SmartPark.UnitTests.Ingest;

public sealed class RollupWindowsTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("rollup-state-").FullName;
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    [Fact]
    public void Windows_start_on_wall_clock_boundaries()
    {
        Assert.Equal(Ms(Noon.AddMinutes(7)), RollupPeriod.Minute.WindowStart(Ms(Noon.AddMinutes(7).AddSeconds(59.999))));
        Assert.Equal(Ms(Noon), RollupPeriod.Hour.WindowStart(Ms(Noon.AddMinutes(59))));
        Assert.Equal(Ms(Noon), RollupPeriod.Minute.WindowStart(Ms(Noon)));
        Assert.Equal(-60_000, RollupPeriod.Minute.WindowStart(-1)); // before 1970 still floors
        Assert.Equal("nmhc_1m", RollupPeriod.Minute.Measurement("nmhc"));
        Assert.Equal("power_1h", RollupPeriod.Hour.Measurement("power"));
    }

    [Theory]
    [InlineData("nmhc,park=p,enterprise=e,device=d,sensor=s value=2.7,flag=\"N\" 1764000000123", "nmhc", 1764000000123)]
    [InlineData("gas_lel value=1 5", "gas_lel", 5)]
    [InlineData("we\\ ird\\,name,tag=a value=1 42", "we irdname", 42)]
    public void Peeks_measurement_and_timestamp(string line, string measurement, long ts)
    {
        Assert.True(LineProtocolPeek.TryRead(line, out var m, out var t));
        Assert.Equal(measurement, m.Replace(",", "", StringComparison.Ordinal));
        Assert.Equal(ts, t);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nmhc")]
    [InlineData("nmhc value=1")]
    [InlineData("nmhc value=1 notatime")]
    public void Refuses_lines_without_a_timestamp(string line) =>
        Assert.False(LineProtocolPeek.TryRead(line, out _, out _));

    [Fact]
    public void A_window_is_due_only_after_its_end_plus_the_grace()
    {
        var dirty = new DirtyWindows(_state);
        dirty.Mark([("nmhc", Ms(Noon.AddSeconds(10)))]);
        var grace = TimeSpan.FromSeconds(30);

        Assert.Empty(dirty.Due(Noon.AddSeconds(89), grace));
        var due = dirty.Due(Noon.AddSeconds(90), grace);
        Assert.Equal([new RollupWindow("nmhc", "1m", Ms(Noon))], due.Select(d => d.Window));
        // The hour window waits for the end of the hour.
        Assert.Equal(2, dirty.Due(Noon.AddHours(1).AddSeconds(30), grace).Count);
    }

    [Fact]
    public void A_window_touched_while_it_was_computed_stays_dirty()
    {
        var dirty = new DirtyWindows(_state);
        dirty.Mark([("nmhc", Ms(Noon))]);
        var due = dirty.Due(Noon.AddHours(2), TimeSpan.Zero);
        dirty.Mark([("nmhc", Ms(Noon.AddSeconds(5)))]); // a late point lands during the computation
        dirty.Done(due);
        Assert.Equal(2, dirty.Count);

        dirty.Done(dirty.Due(Noon.AddHours(2), TimeSpan.Zero));
        Assert.Equal(0, dirty.Count);
    }

    [Fact]
    public void Pending_windows_survive_a_restart()
    {
        var before = new DirtyWindows(_state);
        before.Mark([("nmhc", Ms(Noon)), ("power", Ms(Noon.AddMinutes(3)))]);
        before.Done(before.Due(Noon.AddHours(2), TimeSpan.Zero).Where(d => d.Window.Measurement == "power"));

        var after = new DirtyWindows(_state);
        Assert.Equal(
            [new RollupWindow("nmhc", "1h", Ms(Noon)), new RollupWindow("nmhc", "1m", Ms(Noon))],
            after.Due(Noon.AddHours(2), TimeSpan.Zero).Select(d => d.Window).OrderBy(w => w.Period));
    }
}
