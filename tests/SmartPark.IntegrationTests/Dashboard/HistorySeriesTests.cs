using System.Net;
using System.Net.Http.Json;
using SmartPark.Dashboard.History;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Series over any range from a real InfluxDB: raw points for short ranges, the 1-hour rollups for long ones, CSV.</summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class HistorySeriesTests(SharedInflux influx) : IAsyncLifetime
{
    private readonly string _database = influx.NewDatabase("dash_series");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private MosquittoServer _broker = null!;
    private readonly InfluxDbServer _influx = influx.Server;
    private DashboardHost _dashboard = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        var client = _influx.Client(_database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        var tags = "park=p-a,enterprise=e1,device=d1,sensor=voc-1";
        var raw = Enumerable.Range(0, 10).Select(i => $"nmhc,{tags} value={i}.5,flag=\"N\" {_now.AddMinutes(-10 + i).ToUnixTimeMilliseconds()}");
        var hourly = Enumerable.Range(0, 120).Select(i => $"nmhc_1h,{tags} mean={i % 7}.0,min=0.5,max=9.5,count=60i {_now.AddHours(-120 + i).ToUnixTimeMilliseconds()}");
        await client.WriteAsync(string.Join('\n', raw.Concat(hourly)), CancellationToken.None);
        _dashboard = await DashboardHost.StartAsync(_broker.Port, _influx.Url, _database);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _broker.DisposeAsync();
    }

    private static string Url(string park, DateTimeOffset from, DateTimeOffset to, string? format = null) =>
        $"api/parks/{park}/devices/e1/d1/series?quantity=nmhc&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}" + (format is null ? "" : "&format=" + format);

    [Fact]
    public async Task A_short_range_reads_raw_points_and_a_long_one_the_hourly_rollups()
    {
        using var op = await _dashboard.SignInAsync(TestUser.OperatorA);
        var recent = await op.Http.GetFromJsonAsync<SeriesResponse>(Url("p-a", _now.AddHours(-1), _now));
        Assert.Equal(("raw", 10), (recent!.Resolution, recent.Points.Count));

        var week = await op.Http.GetFromJsonAsync<SeriesResponse>(Url("p-a", _now.AddDays(-6), _now));
        Assert.Equal(("1h", 120), (week!.Resolution, week.Points.Count));
        Assert.All(week.Points, p => Assert.Equal((0.5, 9.5), (p.Min, p.Max)));
    }

    [Fact]
    public async Task Csv_export_downloads_the_series_and_other_parks_are_refused()
    {
        using var op = await _dashboard.SignInAsync(TestUser.OperatorA);
        using var response = await op.Http.GetAsync(Url("p-a", _now.AddHours(-1), _now, "csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("time,park,enterprise,device,sensor", lines[0], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync(Url("p-b", _now.AddHours(-1), _now, "csv"))).StatusCode);
    }
}
