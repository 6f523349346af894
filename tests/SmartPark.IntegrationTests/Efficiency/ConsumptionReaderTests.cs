using System.Globalization;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// The Dashboard's reader of stored consumption against a real InfluxDB holding points in the
/// contract's shape (<see cref="ConsumptionSeries"/>), as Ingest writes them.
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class ConsumptionReaderTests(SharedInflux influx) : IAsyncLifetime
{
    private static readonly TimeSpan Cst = ConsumptionSeries.CalendarOffset;
    private static readonly DateTimeOffset Year2026 = new(2026, 1, 1, 0, 0, 0, Cst);
    private InfluxV1Client _client = null!;

    public async Task InitializeAsync()
    {
        _client = influx.Server.Client(influx.NewDatabase("consumption_reader"));
        await _client.EnsureDatabaseAsync(CancellationToken.None);
        var lines = new List<string>();
        // Enterprise e1 of park p-a: two meters. m1 reports every month of 2026 (100 kWh each, March
        // flagged reset); m2 only January to June (50 kWh each, coverage 0.5 in June).
        for (var month = 1; month <= 12; month++)
        {
            var start = new DateTimeOffset(2026, month, 1, 0, 0, 0, Cst);
            lines.Add(Line("energy_use_1mo", "p-a", "e1", "m1", start, 100, 1, month == 3 ? "reset" : ""));
            if (month <= 6)
                lines.Add(Line("energy_use_1mo", "p-a", "e1", "m2", start, 50, month == 6 ? 0.5 : 1, ""));
        }
        lines.Add(Line("energy_use_1y", "p-a", "e1", "m1", Year2026, 1200, 1, "reset"));
        lines.Add(Line("energy_use_1y", "p-a", "e1", "m2", Year2026, 300, 181.0 / 365 * 0.97, ""));
        // Another park's enterprise: must not appear when only p-a is asked for.
        lines.Add(Line("energy_use_1mo", "p-b", "e9", "m9", Year2026, 7777, 1, ""));
        lines.Add(Line("energy_use_1y", "p-b", "e9", "m9", Year2026, 7777, 1, ""));
        // A quarter hour of 2026-02-01 for the series read.
        lines.Add(Line("energy_use_15m", "p-a", "e1", "m1", new DateTimeOffset(2026, 2, 1, 8, 0, 0, Cst), 1.5, 1, ""));
        lines.Add(Line("energy_use_15m", "p-a", "e1", "m2", new DateTimeOffset(2026, 2, 1, 8, 0, 0, Cst), 0.5, 1, ""));
        lines.Add(Line("energy_use_15m", "p-a", "e1", "m1", new DateTimeOffset(2026, 2, 1, 8, 15, 0, Cst), 2, 0.4, "gap"));
        await _client.WriteAsync(string.Join('\n', lines), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_calendar_year_reads_the_year_points_and_a_quarter_the_months()
    {
        var reader = new ConsumptionReader(_client);

        var year = Assert.Single(await reader.TotalsAsync(["p-a"], QuantityCatalogue.Energy, Year2026, Year2026.AddYears(1), CancellationToken.None));
        Assert.Equal(("p-a", "e1", 1500.0, 2), (year.Park, year.Enterprise, year.Use, year.Meters));
        Assert.Equal(["reset"], year.Flags);

        // Q2 (April–June, 91 days) from the months: m1 300 kWh fully covered; m2 150 kWh, June half
        // covered: (30 + 31 + 0.5 × 30) / 91 = 76 / 91. The enterprise's coverage is the mean of its meters.
        var q2From = new DateTimeOffset(2026, 4, 1, 0, 0, 0, Cst);
        var quarter = Assert.Single(await reader.TotalsAsync(["p-a"], QuantityCatalogue.Energy, q2From, q2From.AddMonths(3), CancellationToken.None));
        Assert.Equal(450, quarter.Use, 9);
        Assert.Equal((1 + (76.0 / 91)) / 2, quarter.Coverage, 9);
        Assert.Empty(quarter.Flags);

        var both = await reader.TotalsAsync(["p-a", "p-b"], QuantityCatalogue.Energy, Year2026, Year2026.AddYears(1), CancellationToken.None);
        Assert.Equal(["p-a/e1", "p-b/e9"], both.Select(t => t.Park + "/" + t.Enterprise));
    }

    [Fact]
    public async Task A_series_sums_the_meters_of_each_period_and_leaves_unreported_periods_out()
    {
        var reader = new ConsumptionReader(_client);
        var from = new DateTimeOffset(2026, 2, 1, 8, 0, 0, Cst);
        var points = await reader.SeriesAsync("p-a", "e1", QuantityCatalogue.Energy, ConsumptionSeries.QuarterHour, from, from.AddHours(1), CancellationToken.None);

        Assert.Equal([from, from.AddMinutes(15)], points.Select(p => p.Start));
        Assert.Equal([2.0, 2.0], points.Select(p => p.Use));
        Assert.Equal(["gap"], points[1].Flags);

        var months = await reader.SeriesAsync("p-a", null, QuantityCatalogue.Energy, ConsumptionSeries.Month, Year2026, Year2026.AddYears(1), CancellationToken.None);
        Assert.Equal(12, months.Count);
        Assert.Equal(150, months[0].Use);
        Assert.Equal(100, months[11].Use);
    }

    [Fact]
    public async Task Ranges_not_on_quarter_hours_and_non_counting_quantities_are_refused()
    {
        var reader = new ConsumptionReader(_client);
        await Assert.ThrowsAsync<ArgumentException>(() => reader.TotalsAsync(["p-a"], QuantityCatalogue.Power, Year2026, Year2026.AddYears(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => reader.TotalsAsync(["p-a"], QuantityCatalogue.Energy, Year2026.AddMinutes(7), Year2026.AddYears(1), CancellationToken.None));
        Assert.Empty(await reader.TotalsAsync([], QuantityCatalogue.Energy, Year2026, Year2026.AddYears(1), CancellationToken.None));
    }

    private static string Line(string measurement, string park, string enterprise, string device, DateTimeOffset start, double use, double coverage, string flags) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{measurement},park={park},enterprise={enterprise},device={device},sensor=meter use={use},coverage={coverage},flags=\"{flags}\",readings=10i {start.ToUnixTimeMilliseconds()}");
}
