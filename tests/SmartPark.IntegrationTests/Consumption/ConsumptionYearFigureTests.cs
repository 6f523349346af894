using System.Diagnostics;
using System.Globalization;
using SmartPark.Contracts.Consumption;
using SmartPark.Ingest.Commands;
using SmartPark.Platform.Influx;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Consumption;

/// <summary>
/// The figure for docs/benchmarks.md: a year of one meter read every minute (525,600 readings in a
/// real influxd) rebuilt by <c>consumption rebuild</c>, how long that takes, and how many stored
/// points a year's report then reads instead of the raw readings. Checked, not only timed: the
/// year's point is the register's whole rise and every period has its point.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Slow)]
public sealed class ConsumptionYearFigureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "consumption_year";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, China);
    private readonly string _state = Directory.CreateTempSubdirectory("smartpark-consumption-year-").FullName;
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task A_year_of_one_meter_at_one_reading_a_minute_is_rebuilt_and_read_as_a_few_hundred_points()
    {
        var client = _influx.Client(Database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        // A register like a DL/T 645 one (two decimals) counting 0.40–0.60 kWh a minute, fixed seed.
        var random = new Random(2025);
        var minutes = (int)(YearStart.AddYears(1) - YearStart).TotalMinutes;
        var register = 12_345.67;
        var first = register;
        var lines = new List<string>(10_000);
        var writing = Stopwatch.StartNew();
        for (var i = 0; i < minutes; i++)
        {
            register = Math.Round(register + 0.4 + (random.NextDouble() * 0.2), 2);
            if (i == 0)
                first = register;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"energy,device=d-year,enterprise=e-year,park=p-year,sensor=m-1 flag=\"N\",value={register} {YearStart.AddMinutes(i).ToUnixTimeMilliseconds()}"));
            if (lines.Count == 10_000 || i == minutes - 1)
            {
                await client.WriteAsync(lines, CancellationToken.None);
                lines.Clear();
            }
        }
        writing.Stop();

        var progress = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var rebuild = Stopwatch.StartNew();
        var exit = await ConsumptionCommand.RunAsync(
            ["rebuild", "--from", "2025-01-01", "--to", "2026-01-01", "--park", "p-year",
             $"--Influx:Url={_influx.Url}", $"--Influx:Database={Database}", $"--Consumption:StateDirectory={_state}", "--Logging:LogLevel:Default=Warning"],
            progress, error);
        rebuild.Stop();
        Assert.True(exit == 0, error.ToString());

        var counts = new Dictionary<string, long>();
        foreach (var period in ConsumptionSeries.Periods)
        {
            var count = await client.QueryAsync($"SELECT count(\"use\") FROM {InfluxQl.Identifier(ConsumptionSeries.Measurement("energy", period))} WHERE \"device\" = 'd-year'", CancellationToken.None);
            counts[period.Suffix] = count.Results.Single().Series!.Single().Values[0][1].GetInt64();
        }
        var year = await client.QueryAsync($"SELECT \"use\", \"readings\" FROM \"energy_use_1y\" WHERE time >= {YearStart.ToUnixTimeMilliseconds()}ms", CancellationToken.None);
        var row = year.Results.Single().Series!.Single().Values.Single();

        output.WriteLine($"raw readings written: {minutes:N0} in {writing.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"consumption rebuild of the year: {rebuild.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"stored points: 15m {counts["15m"]:N0}, 1h {counts["1h"]:N0}, 1d {counts["1d"]:N0}, 1mo {counts["1mo"]}, 1y {counts["1y"]}");
        output.WriteLine($"a year's report reads {counts["1mo"]} monthly points (or {counts["1d"]} daily) instead of {minutes:N0} readings");

        // The year's consumption is the register's rise from its first reading to its last (the
        // minute before the first reading is outside the data: nothing before it is known).
        Assert.Equal(register - first, row[1].GetDouble(), 1e-3);
        Assert.Equal(minutes, row[2].GetInt64());
        Assert.Equal(35_040, counts["15m"]);
        Assert.Equal(8_760, counts["1h"]);
        Assert.Equal(365, counts["1d"]);
        Assert.Equal(12, counts["1mo"]);
        Assert.Equal(1, counts["1y"]);
    }
}
