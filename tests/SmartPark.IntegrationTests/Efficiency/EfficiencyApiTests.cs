using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// The efficiency APIs through the real Dashboard on each park database provider, reading stored
/// consumption from a real InfluxDB (<see cref="EfficiencySeed"/>): the district's grades as the
/// seed's scheme gives them, who may see a district or a park, an operator's view that names no
/// other park's enterprise, and years without data.
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class EfficiencyApiTests(SharedInflux influx)
{
    private static readonly string District = $"api/efficiency/districts/baiyun?year={EfficiencySeed.Year}";
    private static readonly string Park = $"api/efficiency/parks/{EfficiencySeed.OperatorPark}?year={EfficiencySeed.Year}";

    private async Task<EfficiencyStack> StartAsync(string provider)
    {
        var broker = await MosquittoServer.StartAsync();
        var database = await TestParkDatabase.CreateAsync(provider);
        await database.SeedStandardAsync();
        var influxDatabase = influx.NewDatabase("efficiency_api");
        await EfficiencySeed.SeedAsync(database, influx.Server.Client(influxDatabase));
        var dashboard = await DashboardHost.StartAsync(broker.Port, influx.Server.Url, influxDatabase, database.DashboardArgs);
        return new EfficiencyStack(broker, database, dashboard);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_district_is_graded_under_its_scheme_from_its_economics_and_metered_energy(string provider)
    {
        await using var stack = await StartAsync(provider);
        using var official = await stack.Dashboard.SignInAsync(TestUser.DistrictOfficial);
        var view = await official.Http.GetFromJsonAsync<JsonElement>(District);

        Assert.True(view.GetProperty("hasData").GetBoolean());
        var enterprises = view.GetProperty("enterprises").EnumerateArray().ToDictionary(e => e.GetProperty("park").GetString() + "/" + e.GetProperty("enterprise").GetString());
        // Huadu's enterprise is not Baiyun's; each park's seeded e1 has no land, s3 is new.
        Assert.Equal(
            ["baiyun-shimen/e1", "baiyun-shimen/s1", "baiyun-shimen/s2", "baiyun-shimen/s3", "p-a/a1", "p-a/a2", "p-a/e1", "p-live/e1"],
            enterprises.Keys.Order(StringComparer.Ordinal));
        string? Grade(string key) => enterprises[key].GetProperty("grade").GetString();
        Assert.Equal(("A", "B", "C", "D"), (Grade("baiyun-shimen/s1"), Grade("baiyun-shimen/s2"), Grade("p-a/a2"), Grade("p-a/a1")));
        Assert.Equal(200, enterprises["baiyun-shimen/s1"].GetProperty("score").GetDouble(), 6);
        Assert.Equal(100, enterprises["baiyun-shimen/s2"].GetProperty("score").GetDouble(), 6);
        Assert.Equal(80, enterprises["p-a/a2"].GetProperty("score").GetDouble(), 6);
        Assert.Equal(20, enterprises["p-a/a1"].GetProperty("score").GetDouble(), 6);
        Assert.Equal([1, 2, 3, 4], new[] { "baiyun-shimen/s1", "baiyun-shimen/s2", "p-a/a2", "p-a/a1" }.Select(k => enterprises[k].GetProperty("rank").GetInt32()));
        Assert.Equal("new", enterprises["baiyun-shimen/s3"].GetProperty("notGradedReason").GetString());
        Assert.Equal("no-land", enterprises["p-live/e1"].GetProperty("notGradedReason").GetString());
        Assert.Equal("restricted", enterprises["p-a/a1"].GetProperty("tier").GetString());

        // Metered energy: 1,000,000 kWh at 0.1229 kgce/kWh; water beside it, its gap flagged.
        var energy = enterprises["baiyun-shimen/s1"].GetProperty("energy");
        Assert.Equal(1_000_000, energy.GetProperty("kwh").GetDouble(), 6);
        Assert.Equal(122.9, energy.GetProperty("tce").GetDouble(), 6);
        Assert.Equal(1500, energy.GetProperty("waterM3").GetDouble(), 6);
        Assert.Equal(1, energy.GetProperty("coverage").GetDouble(), 6);
        Assert.Equal(["gap"], energy.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(10, enterprises["baiyun-shimen/s2"].GetProperty("indicators").GetProperty("value_added_per_tce").GetDouble(), 6);

        var counts = view.GetProperty("gradeCounts");
        Assert.Equal([1, 1, 1, 1], new[] { "A", "B", "C", "D" }.Select(g => counts.GetProperty(g).GetInt32()));
        var land = view.GetProperty("lowEfficiencyLand");
        Assert.Equal(20, land.GetProperty("totalMu").GetDouble(), 6);
        Assert.Equal("白云低效厂", Assert.Single(land.GetProperty("items").EnumerateArray()).GetProperty("nameZh").GetString());
        var breach = Assert.Single(view.GetProperty("breaches").EnumerateArray());
        Assert.Equal(("a1", "tax_per_mu", 10.0, 3.0), (breach.GetProperty("enterprise").GetString(), breach.GetProperty("target").GetString(),
            breach.GetProperty("promised").GetDouble(), Math.Round(breach.GetProperty("achieved").GetDouble(), 6)));

        // Furniture's tax per mu over the district: 3, 5, 8, 10, 30.
        var furniture = Assert.Single(view.GetProperty("peers").EnumerateArray());
        var taxPerMu = furniture.GetProperty("indicators").GetProperty("tax_per_mu");
        Assert.Equal((5, 5.0, 8.0, 10.0), (taxPerMu.GetProperty("count").GetInt32(), taxPerMu.GetProperty("q1").GetDouble(),
            taxPerMu.GetProperty("median").GetDouble(), taxPerMu.GetProperty("q3").GetDouble()));

        // The city's official sees it as the district's does.
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityOfficial);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync(District)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Others_are_refused_and_an_operator_sees_only_their_park_with_peers_as_statistics(string provider)
    {
        await using var stack = await StartAsync(provider);
        using var other = await stack.Dashboard.SignInAsync(TestUser.OtherDistrictOfficial);
        using var otherCity = await stack.Dashboard.SignInAsync(TestUser.CityQingyuan);
        using var otherOperator = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        foreach (var path in new[] { District, "api/efficiency/districts/BAIYUN/trend?from=2025&to=2026", "efficiency/districts/baiyun" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await otherCity.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.Http.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.Http.GetAsync(Park)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.Http.GetAsync($"efficiency/parks/{EfficiencySeed.OperatorPark}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(Park)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("api/efficiency/districts/nowhere?year=2026")).StatusCode);

        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorDemo);
        using var response = await op.Http.GetAsync(Park);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // Nothing of p-a's or p-live's enterprises: not their ids' parks, names, nor their single figures.
        foreach (var foreign in new[] { "p-a", "p-live", "白云低效厂", "白云丙厂", "Works a1", "Works a2", "BY-2024-01" })
            Assert.DoesNotContain(foreign, body, StringComparison.Ordinal);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["e1", "s1", "s2", "s3"], view.GetProperty("enterprises").EnumerateArray().Select(e => e.GetProperty("enterprise").GetString()).Order(StringComparer.Ordinal));
        // Grades are the district's: s2 is B, second of four in Baiyun.
        var s2 = view.GetProperty("enterprises").EnumerateArray().Single(e => e.GetProperty("enterprise").GetString() == "s2");
        Assert.Equal(("B", 2, 4), (s2.GetProperty("grade").GetString(), s2.GetProperty("rank").GetInt32(), s2.GetProperty("rankedIn").GetInt32()));
        Assert.Empty(view.GetProperty("lowEfficiencyLand").GetProperty("items").EnumerateArray());
        Assert.Empty(view.GetProperty("breaches").EnumerateArray());
        Assert.Equal(8.0, Assert.Single(view.GetProperty("peers").EnumerateArray()).GetProperty("indicators").GetProperty("tax_per_mu").GetProperty("median").GetDouble());
        // The park's trend: five years ending with the one asked for; only its own enterprises counted.
        var trend = view.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal([2022, 2023, 2024, 2025, 2026], trend.Select(t => t.GetProperty("year").GetInt32()));
        Assert.Equal(2_000_000, trend[^1].GetProperty("kwh").GetDouble(), 6);
        Assert.Equal(0, trend[0].GetProperty("kwh").GetDouble());

        // Their district's official sees the park too.
        using var official = await stack.Dashboard.SignInAsync(TestUser.DistrictOfficial);
        Assert.Equal(HttpStatusCode.OK, (await official.Http.GetAsync(Park)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_year_without_data_is_an_empty_evaluation_and_the_trend_counts_each_year(string provider)
    {
        await using var stack = await StartAsync(provider);
        using var official = await stack.Dashboard.SignInAsync(TestUser.DistrictOfficial);
        var empty = await official.Http.GetFromJsonAsync<JsonElement>("api/efficiency/districts/baiyun?year=2019");
        Assert.False(empty.GetProperty("hasData").GetBoolean());
        Assert.Empty(empty.GetProperty("enterprises").EnumerateArray());
        Assert.All(empty.GetProperty("gradeCounts").EnumerateObject(), g => Assert.Equal(0, g.Value.GetInt32()));
        Assert.Equal(0, empty.GetProperty("lowEfficiencyLand").GetProperty("totalMu").GetDouble());

        var trend = await official.Http.GetFromJsonAsync<JsonElement>("api/efficiency/districts/baiyun/trend?from=2025&to=2026");
        var years = trend.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2025, 2026], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(0, years[0].GetProperty("graded").GetInt32());
        Assert.Equal(4, years[1].GetProperty("graded").GetInt32());
        Assert.Equal([1, 1, 1, 1], new[] { "A", "B", "C", "D" }.Select(g => years[1].GetProperty("gradeCounts").GetProperty(g).GetInt32()));
        Assert.Equal(5_000_000, years[1].GetProperty("kwh").GetDouble(), 6);
        Assert.Equal(8.0, years[1].GetProperty("medians").GetProperty("tax_per_mu").GetDouble(), 6);

        Assert.Equal(HttpStatusCode.BadRequest, (await official.Http.GetAsync("api/efficiency/districts/baiyun/trend?from=2000&to=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await official.Http.GetAsync("api/efficiency/districts/baiyun?year=1800")).StatusCode);
    }
}

/// <summary>A Mosquitto, a park database of one provider and a Dashboard reading the test's InfluxDB database.</summary>
internal sealed class EfficiencyStack(MosquittoServer broker, TestParkDatabase database, DashboardHost dashboard) : IAsyncDisposable
{
    public DashboardHost Dashboard { get; } = dashboard;

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await database.DisposeAsync();
        await broker.DisposeAsync();
    }
}
