using System.Text.Json;
using SmartPark.Ingest.Rollups;
using SmartPark.Platform.Influx;

namespace SmartPark.UnitTests.Ingest;

public sealed class RollupQueryTests
{
    private static readonly Dictionary<string, string> Voc1 = new() { ["park"] = "p", ["enterprise"] = "e", ["device"] = "d", ["sensor"] = "voc-1" };
    private static readonly Dictionary<string, string> Voc2 = new() { ["park"] = "p", ["enterprise"] = "e", ["device"] = "d", ["sensor"] = "voc-2" };

    [Fact]
    public void The_query_groups_by_window_and_series_first_over_measured_readings_then_over_all()
    {
        var q = RollupQuery.Build("nmhc", RollupPeriod.Minute, 60_000, 180_000);
        const string Select = "SELECT mean(\"value\") AS \"mean\", min(\"value\") AS \"min\", max(\"value\") AS \"max\", count(\"value\") AS \"count\" FROM \"nmhc\" ";
        const string Group = " GROUP BY time(1m), \"park\", \"enterprise\", \"device\", \"sensor\" fill(none)";
        Assert.Equal(
            Select + "WHERE (\"flag\" = 'N' OR \"flag\" = 'T') AND time >= 60000ms AND time < 180000ms" + Group + ";" +
            Select + "WHERE time >= 60000ms AND time < 180000ms" + Group, q);
    }

    [Fact]
    public void Rows_become_rollup_points_with_the_series_tags_only_for_wanted_windows_and_null_rows_are_skipped()
    {
        const string Rows = "[[60000,2.5,1,4,4],[120000,3,3,3,1],[180000,null,null,null,0],[240000,null,null,null,2]]";
        var response = Response(Statement(0, Series(Voc1, Rows)), Statement(1, Series(Voc1, Rows)));
        var lines = RollupQuery.ToLines(response, "nmhc", RollupPeriod.Minute, new HashSet<long> { 60_000, 180_000, 240_000 });
        Assert.Equal(["nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-1 count=4i,max=4,mean=2.5,measured=4i,min=1,readings=4i 60000"], lines);
    }

    [Fact]
    public void A_window_takes_its_measured_readings_and_falls_back_to_all_only_when_none_was_measured()
    {
        // Minute 1: 3 normal readings at 5 and one calibration at 50. Minute 2: calibration only.
        // voc-2 measured normally throughout.
        var measured = Statement(0,
            Series(Voc1, "[[60000,5,5,5,3]]"),
            Series(Voc2, "[[60000,2,1,3,4],[120000,2,2,2,4]]"));
        var all = Statement(1,
            Series(Voc1, "[[60000,16.25,5,50,4],[120000,50,49,51,4]]"),
            Series(Voc2, "[[60000,2,1,3,4],[120000,2,2,2,4]]"));
        var lines = RollupQuery.ToLines(Response(measured, all), "nmhc", RollupPeriod.Minute, new HashSet<long> { 60_000, 120_000 });
        Assert.Equal(
        [
            "nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-1 count=3i,max=5,mean=5,measured=3i,min=5,readings=4i 60000",
            "nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-1 count=4i,max=51,mean=50,measured=0i,min=49,readings=4i 120000",
            "nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-2 count=4i,max=2,mean=2,measured=4i,min=2,readings=4i 120000",
            "nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-2 count=4i,max=3,mean=2,measured=4i,min=1,readings=4i 60000",
        ], lines.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_statement_error_is_not_taken_for_empty_windows()
    {
        var response = Response(new InfluxStatementResult { StatementId = 0, Error = "boom" }, Statement(1, Series(Voc1, "[[60000,1,1,1,1]]")));
        var ex = Assert.Throws<InvalidOperationException>(() => RollupQuery.ToLines(response, "nmhc", RollupPeriod.Minute, new HashSet<long> { 60_000 }));
        Assert.Contains("boom", ex.Message);
    }

    private static InfluxQueryResponse Response(params InfluxStatementResult[] results) => new() { Results = results };

    private static InfluxStatementResult Statement(int id, params InfluxSeries[] series) => new() { StatementId = id, Series = series };

    private static InfluxSeries Series(Dictionary<string, string> tags, string rows)
    {
        using var json = JsonDocument.Parse(rows);
        return new InfluxSeries
        {
            Name = "nmhc",
            Tags = tags,
            Columns = ["time", "mean", "min", "max", "count"],
            Values = [.. json.RootElement.EnumerateArray().Select(r => (IReadOnlyList<JsonElement>)[.. r.EnumerateArray().Select(v => v.Clone())])],
        };
    }
}
