using System.Text;
using SmartPark.Dashboard.History;

namespace SmartPark.UnitTests.Dashboard;

public sealed class SeriesTests
{
    [Theory]
    [InlineData(60, "raw")]
    [InlineData(360, "raw")]
    [InlineData(361, "1m")]
    [InlineData(3 * 24 * 60, "1m")]
    [InlineData(3 * 24 * 60 + 1, "1h")]
    public void Ranges_over_six_hours_read_the_rollups(int minutes, string resolution) =>
        Assert.Equal(resolution, SeriesResolution.For(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Rollup_measurements_are_named_as_ingest_writes_them()
    {
        Assert.Equal("nmhc", SeriesResolution.Measurement("nmhc", SeriesResolution.Raw));
        Assert.Equal("nmhc_1m", SeriesResolution.Measurement("nmhc", SeriesResolution.Minute));
        Assert.Equal("power_1h", SeriesResolution.Measurement("power", SeriesResolution.Hour));
    }

    [Fact]
    public void Csv_has_a_header_one_row_per_point_and_invariant_numbers()
    {
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var series = new SeriesResponse("p", "e", "d", "nmhc", "mg/m3", "1h", at, at.AddHours(2),
            [new SeriesPoint(at, "voc-1", 6.5, 5.25, 7), new SeriesPoint(at.AddHours(1), "voc,2", 1.5, null, null)]);
        var bytes = SeriesCsv.Write(series);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,park,enterprise,device,sensor,quantity,unit,resolution,value,min,max", lines[0]);
        Assert.Equal("2026-11-24T08:00:00.000Z,p,e,d,voc-1,nmhc,mg/m3,1h,6.5,5.25,7", lines[1]);
        Assert.Equal("2026-11-24T09:00:00.000Z,p,e,d,\"voc,2\",nmhc,mg/m3,1h,1.5,,", lines[2]);
    }
}
