using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MiniExcelLibs;
using SmartPark.Contracts.Consumption;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// The load-profile CSV, today's energy for the tiles and an enterprise's consumption chart, from a
/// real Dashboard on a real InfluxDB (points in the stored consumption's shape) and a park database
/// of each provider seeded with the standard parks (<c>p-a</c> in Baiyun, <c>p-b</c> in Huadu, each
/// with an enterprise <c>e1</c>).
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class EnergyApiTests(SharedInflux influx)
{
    private static readonly TimeSpan Cst = ConsumptionSeries.CalendarOffset;

    /// <summary>The day the profile is asked for: 2026-03-10, China Standard Time.</summary>
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, Cst);

    private sealed record Stack(MosquittoServer Broker, TestParkDatabase Database, DashboardHost Dashboard) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Dashboard.DisposeAsync();
            await Database.DisposeAsync();
            await Broker.DisposeAsync();
        }
    }

    private async Task<Stack> StartAsync(string provider, IEnumerable<string> lines)
    {
        var database = influx.NewDatabase("energy_api");
        var client = influx.Server.Client(database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        await client.WriteAsync(string.Join('\n', lines), CancellationToken.None);
        var broker = await MosquittoServer.StartAsync();
        var parkDb = await TestParkDatabase.CreateAsync(provider);
        await parkDb.SeedStandardAsync();
        var dashboard = await DashboardHost.StartAsync(broker.Port, influx.Server.Url, database, parkDb.DashboardArgs);
        return new Stack(broker, parkDb, dashboard);
    }

    private static string Line(string measurement, string park, string device, DateTimeOffset start, double use, double coverage, string flags) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{measurement},park={park},enterprise=e1,device={device},sensor=meter use={use},coverage={coverage},flags=\"{flags}\",readings=15i {start.ToUnixTimeMilliseconds()}");

    private const string ProfileOfDay = "api/parks/p-a/enterprises/e1/load-profile.csv?from=2026-03-10&to=2026-03-10";

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_load_profile_has_every_quarter_hour_of_the_day_with_the_gaps_empty_and_flagged(string provider)
    {
        await using var stack = await StartAsync(provider,
        [
            // 00:00–00:15: two meters, 0.6 + 0.4 kWh, fully covered.
            Line("energy_use_15m", "p-a", "m1", Day, 0.6, 1, ""),
            Line("energy_use_15m", "p-a", "m2", Day, 0.4, 1, ""),
            // 00:15–00:30: one meter, 0.5 kWh across a gap (coverage 0.4).
            Line("energy_use_15m", "p-a", "m1", Day.AddMinutes(15), 0.5, 0.4, "gap"),
            // 00:30 onwards: nothing reported until 23:45–24:00, 0.25 kWh.
            Line("energy_use_15m", "p-a", "m1", Day.AddMinutes(23 * 60 + 45), 0.25, 1, ""),
            // The quarter hours either side of the day: not in its profile.
            Line("energy_use_15m", "p-a", "m1", Day.AddMinutes(-15), 99, 1, ""),
            Line("energy_use_15m", "p-a", "m1", Day.AddDays(1), 99, 1, ""),
            // Park p-b's e1: never in p-a's profile.
            Line("energy_use_15m", "p-b", "m9", Day.AddMinutes(30), 77, 1, ""),
        ]);
        using var operatorA = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var response = await operatorA.Http.GetAsync(ProfileOfDay + "&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = ReadCsv(bytes);
        Assert.Equal(["Interval start", "Interval end", "Energy (kWh)", "Average power (kW)", "Coverage", "Flags"], rows[0]);
        Assert.Equal(1 + 96, rows.Count);
        Assert.Equal(["2026-03-10T00:00:00+08:00", "2026-03-10T00:15:00+08:00", "1", "4", "1", ""], rows[1]);
        Assert.Equal(["2026-03-10T00:15:00+08:00", "2026-03-10T00:30:00+08:00", "0.5", "2", "0.4", "gap"], rows[2]);
        Assert.Equal(["2026-03-10T00:30:00+08:00", "2026-03-10T00:45:00+08:00", "", "", "0", "missing"], rows[3]);
        Assert.Equal(["2026-03-10T23:45:00+08:00", "2026-03-11T00:00:00+08:00", "0.25", "1", "1", ""], rows[96]);
        // 96 quarter hours: 3 reported, 93 empty and flagged; nothing of the neighbouring days or park p-b.
        Assert.Equal(93, rows.Skip(1).Count(r => r[2] == "" && r[5] == "missing"));
        Assert.DoesNotContain(rows, r => r[2] is "99" or "77");

        // Headers in both languages when none is asked for.
        var both = ReadCsv(await operatorA.Http.GetByteArrayAsync(ProfileOfDay));
        Assert.Equal("区间开始 Interval start", both[0][0]);
        Assert.Equal(97, both.Count);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_load_profile_is_the_parks_operators_and_its_districts_only(string provider)
    {
        await using var stack = await StartAsync(provider, [Line("energy_use_15m", "p-a", "m1", Day, 1, 1, "")]);
        using var operatorA = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        using var guangzhou = await stack.Dashboard.SignInAsync(TestUser.CityOfficial);

        Assert.Equal(HttpStatusCode.OK, (await operatorA.Http.GetAsync(ProfileOfDay)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await baiyun.Http.GetAsync(ProfileOfDay)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guangzhou.Http.GetAsync(ProfileOfDay)).StatusCode);
        // Huadu's official supervises p-b, not p-a; p-a's operator may not see p-b.
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync(ProfileOfDay)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorA.Http.GetAsync(ProfileOfDay.Replace("p-a", "p-b", StringComparison.Ordinal))).StatusCode);
        // An enterprise the park does not hold, and ranges that are not days or too long.
        Assert.Equal(HttpStatusCode.NotFound, (await operatorA.Http.GetAsync(ProfileOfDay.Replace("/e1/", "/e2/", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorA.Http.GetAsync("api/parks/p-a/enterprises/e1/load-profile.csv?from=2026-03-10&to=2026-03-09")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorA.Http.GetAsync("api/parks/p-a/enterprises/e1/load-profile.csv?from=2025-01-01&to=2026-01-02")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorA.Http.GetAsync("api/parks/p-a/enterprises/e1/load-profile.csv?from=10.3.2026&to=2026-03-10")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Today_gives_each_enterprise_its_kwh_and_kgce_and_the_chart_its_days_and_months(string provider)
    {
        var today = ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, DateTimeOffset.UtcNow);
        var thisYear = ConsumptionSeries.PeriodStart(ConsumptionSeries.Year, DateTimeOffset.UtcNow);
        await using var stack = await StartAsync(provider,
        [
            // Today since CST midnight: 2 kWh and 1 m³ of gas, in every period Ingest keeps (today's
            // total is read from the coarsest that tiles midnight..now); yesterday's last quarter hour is not today's.
            Line("energy_use_15m", "p-a", "m1", today, 2, 1, ""),
            Line("energy_use_1h", "p-a", "m1", today, 2, 1, ""),
            Line("gas_volume_use_15m", "p-a", "g1", today, 1, 1, ""),
            Line("gas_volume_use_1h", "p-a", "g1", today, 1, 1, ""),
            Line("gas_volume_use_1d", "p-a", "g1", today, 1, 1, ""),
            Line("energy_use_15m", "p-a", "m1", today.AddMinutes(-15), 50, 1, ""),
            // Days: today and 29 days before are in the 30-day chart, 30 days before is not; water metered too.
            Line("energy_use_1d", "p-a", "m1", today, 2, 0.5, "gap"),
            Line("energy_use_1d", "p-a", "m1", today.AddDays(-29), 20, 1, ""),
            Line("energy_use_1d", "p-a", "m1", today.AddDays(-30), 30, 1, ""),
            Line("water_volume_use_1d", "p-a", "w1", today, 3, 1, ""),
            // This year's January.
            Line("energy_use_1mo", "p-a", "m1", thisYear, 1000, 1, ""),
        ]);
        using var operatorA = await stack.Dashboard.SignInAsync(TestUser.OperatorA);

        var energy = await operatorA.Http.GetFromJsonAsync<ParkEnergyToday>("api/parks/p-a/energy/today");
        var e1 = Assert.Single(energy!.Enterprises);
        Assert.Equal(2, e1.Kwh);
        Assert.Equal(2 * 0.1229 + 1 * 1.2143, e1.Kgce, 9);

        var days = await operatorA.Http.GetFromJsonAsync<EnterpriseConsumption>("api/parks/p-a/enterprises/e1/consumption?period=day");
        Assert.Equal(["energy", "gas_volume", "water_volume"], days!.Quantities.Select(q => q.Quantity));
        var electricity = days.Quantities[0];
        Assert.Equal([today.AddDays(-29), today], electricity.Points.Select(p => p.Start));
        Assert.Equal([20.0, 2.0], electricity.Points.Select(p => p.Use));
        Assert.Equal(2 * 0.1229, electricity.Points[1].Kgce!.Value, 9);
        Assert.Equal(["gap"], electricity.Points[1].Flags);
        Assert.Equal(1.2143, days.Quantities[1].Points[0].Kgce!.Value, 9);
        Assert.Null(days.Quantities[2].Points[0].Kgce); // water is not energy

        var months = await operatorA.Http.GetFromJsonAsync<EnterpriseConsumption>("api/parks/p-a/enterprises/e1/consumption?period=month");
        Assert.Equal([1000.0], Assert.Single(months!.Quantities).Points.Select(p => p.Use));

        Assert.Equal(HttpStatusCode.NotFound, (await operatorA.Http.GetAsync("api/parks/p-a/enterprises/e2/consumption")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorA.Http.GetAsync("api/parks/p-b/energy/today")).StatusCode);
    }

    /// <summary>The CSV as MiniExcel reads it back, every cell as text.</summary>
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => (v?.ToString() ?? "").TrimStart('\uFEFF')).ToArray())];
    }
}
