using System.Text.Json;
using SmartPark.Ingest.Rollups;
using SmartPark.Platform.Influx;

namespace SmartPark.UnitTests.Ingest;

public sealed class RollupQueryTests
{
    [Fact]
    public void The_query_groups_by_window_and_series_and_skips_empty_windows()
    {
        var q = RollupQuery.Build("nmhc", RollupPeriod.Minute, 60_000, 180_000);
        Assert.Equal(
            "SELECT mean(\"value\") AS \"mean\", min(\"value\") AS \"min\", max(\"value\") AS \"max\", count(\"value\") AS \"count\" " +
            "FROM \"nmhc\" WHERE time >= 60000ms AND time < 180000ms " +
            "GROUP BY time(1m), \"park\", \"enterprise\", \"device\", \"sensor\" fill(none)", q);
    }

    [Fact]
    public void Rows_become_rollup_points_with_the_series_tags_only_for_wanted_windows_and_null_rows_are_skipped()
    {
        using var rows = JsonDocument.Parse("[[60000,2.5,1,4,4],[120000,3,3,3,1],[180000,null,null,null,0],[240000,null,null,null,2]]");
        var response = new InfluxQueryResponse
        {
            Results =
            [
                new InfluxStatementResult
                {
                    Series =
                    [
                        new InfluxSeries
                        {
                            Name = "nmhc",
                            Tags = new Dictionary<string, string> { ["park"] = "p", ["enterprise"] = "e", ["device"] = "d", ["sensor"] = "voc-1" },
                            Columns = ["time", "mean", "min", "max", "count"],
                            Values = [.. rows.RootElement.EnumerateArray().Select(r => (IReadOnlyList<JsonElement>)[.. r.EnumerateArray().Select(v => v.Clone())])],
                        },
                    ],
                },
            ],
        };
        var lines = RollupQuery.ToLines(response, "nmhc", RollupPeriod.Minute, new HashSet<long> { 60_000, 180_000, 240_000 });
        Assert.Equal(["nmhc_1m,device=d,enterprise=e,park=p,sensor=voc-1 count=4i,max=4,mean=2.5,min=1 60000"], lines);
    }
}
