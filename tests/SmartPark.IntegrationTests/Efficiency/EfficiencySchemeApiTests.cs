using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Efficiency.Schemes;
using SmartPark.Efficiency.Evaluation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.IntegrationTests.Supervision;

namespace SmartPark.IntegrationTests.Efficiency;

/// <summary>
/// A district's evaluation scheme over the real API and a real park database (each provider):
/// the default until the district stores one, then the row of the greatest first year not after
/// the year asked; stale saves refused with who changed the row; invalid schemes refused with every
/// error; reading for whoever supervises the district, writing for its official and admins only.
/// </summary>
public sealed class EfficiencySchemeApiTests
{
    private const string Baiyun = "api/efficiency/districts/baiyun/scheme";

    private static async Task<JsonObject> LoadAsync(SignedInClient client, int year) =>
        (await client.Http.GetFromJsonAsync<JsonObject>($"{Baiyun}?year={year}"))!;

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>The default scheme with other grade shares (A 10%, B 40%, C 40%, D 10%, as Jinwan's A and D).</summary>
    private static JsonNode SchemeWithShares(params double[] shares)
    {
        var scheme = JsonNode.Parse(EfficiencyScheme.Default.ToJson())!;
        var grades = scheme["grading"]!["grades"]!.AsArray();
        for (var i = 0; i < grades.Count; i++)
            grades[i]!["sharePercent"] = shares[i];
        return scheme;
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_default_applies_until_the_district_stores_a_scheme_then_the_latest_first_year_not_after_the_year(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);

        var initial = await LoadAsync(baiyun, 2025);
        Assert.True(initial["isDefault"]!.GetValue<bool>());
        Assert.True(initial["canEdit"]!.GetValue<bool>());
        Assert.Equal(0, initial["version"]!.GetValue<long>());
        Assert.Equal("weighted-benchmark", initial["scheme"]!["scoringMethod"]!.GetValue<string>());
        Assert.Equal(IndicatorCatalogue.All.Count, initial["indicators"]!.AsArray().Count);
        Assert.Equal("亩均税收", initial["indicators"]![0]!["titleZh"]!.GetValue<string>());

        using var from2024 = await baiyun.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2024, version = 0, scheme = SchemeWithShares(10, 40, 40, 10) });
        Assert.Equal(HttpStatusCode.OK, from2024.StatusCode);
        var saved = await BodyAsync(from2024);
        Assert.Equal((2024, 1L, false), (saved["fromYear"]!.GetValue<int>(), saved["version"]!.GetValue<long>(), saved["isDefault"]!.GetValue<bool>()));
        using var from2026 = await baiyun.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2026, version = 0, scheme = SchemeWithShares(25, 45, 25, 5) });
        Assert.Equal(HttpStatusCode.OK, from2026.StatusCode);

        // 2023 is before any stored scheme; 2024 and 2025 take 2024's; 2026 and later 2026's.
        Assert.True((await LoadAsync(baiyun, 2023))["isDefault"]!.GetValue<bool>());
        Assert.Equal(10, (await LoadAsync(baiyun, 2025))["scheme"]!["grading"]!["grades"]![0]!["sharePercent"]!.GetValue<double>());
        var later = await LoadAsync(baiyun, 2030);
        Assert.Equal(2026, later["fromYear"]!.GetValue<int>());
        Assert.Equal([2024, 2026], later["stored"]!.AsArray().Select(r => r!["fromYear"]!.GetValue<int>()));

        // What the evaluation reads: the same resolution, straight from the database.
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        var resolved = await EfficiencySchemeStore.ResolveAsync(db, "baiyun", 2025);
        Assert.Equal([10.0, 40, 40, 10], resolved.Grading.Grades.Select(g => g.SharePercent!.Value));
        Assert.Equal(EfficiencyScheme.Default.ToJson(), (await EfficiencySchemeStore.ResolveAsync(db, "huadu", 2025)).ToJson());
        // Audited under the official's name, as every park-database edit.
        var audit = await db.Audit.AsNoTracking().Where(a => a.Key == "efficiency-scheme:baiyun/2024").ToListAsync();
        Assert.Equal(("created", "district-baiyun"), (Assert.Single(audit).Action, audit[0].Actor));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_stale_save_is_refused_with_the_current_scheme_and_who_changed_it(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);

        Assert.Equal(HttpStatusCode.OK, (await baiyun.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2025, version = 0, scheme = SchemeWithShares(10, 40, 40, 10) })).StatusCode);
        // The admin loaded the page before that save (no row yet: version 0) and saves over it.
        using var stale = await admin.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2025, version = 0, scheme = SchemeWithShares(20, 30, 30, 20) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await BodyAsync(stale);
        Assert.Equal(10, conflict["current"]!["scheme"]!["grading"]!["grades"]![0]!["sharePercent"]!.GetValue<double>());
        Assert.Equal("district-baiyun", conflict["changedBy"]!["actor"]!.GetValue<string>());

        // Over the current version the change goes in, and the version moves on.
        using var reapplied = await admin.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2025, version = conflict["current"]!["version"]!.GetValue<long>(), scheme = SchemeWithShares(20, 30, 30, 20) });
        Assert.Equal(HttpStatusCode.OK, reapplied.StatusCode);
        Assert.Equal(2, (await BodyAsync(reapplied))["version"]!.GetValue<long>());
        Assert.Equal(20, (await LoadAsync(baiyun, 2025))["scheme"]!["grading"]!["grades"]![0]!["sharePercent"]!.GetValue<double>());
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task An_invalid_scheme_is_refused_with_every_error_and_nothing_is_stored(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        var scheme = SchemeWithShares(10, 40, 40, 5);
        scheme["indicators"]![0]!["id"] = "tax_per_hectare";

        using var refused = await baiyun.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 1999, version = 0, scheme });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await BodyAsync(refused))["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["fromYear", "$.indicators[0].id", "$.grading.grades"], errors);

        using var misspelt = await baiyun.SendJsonAsync(HttpMethod.Put, Baiyun, new { fromYear = 2025, version = 0, scheme = new { benchmak = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal("$.benchmak", (await BodyAsync(misspelt))["errors"]![0]!["field"]!.GetValue<string>());

        // Without the anti-forgery token a valid scheme is refused too.
        using var noToken = await baiyun.Http.PutAsJsonAsync(Baiyun, new { fromYear = 2025, version = 0, scheme = SchemeWithShares(10, 40, 40, 10) });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True((await LoadAsync(baiyun, 2025))["isDefault"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_district_its_city_and_admins_read_only_the_district_and_admins_write(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        using var qingyuan = await stack.Dashboard.SignInAsync(TestUser.CityQingyuan);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        var body = new { fromYear = 2025, version = 0, scheme = SchemeWithShares(10, 40, 40, 10) };

        foreach (var refused in new[] { huadu, qingyuan, op })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.Http.GetAsync($"{Baiyun}?year=2025")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.SendJsonAsync(HttpMethod.Put, Baiyun, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.Http.GetAsync("efficiency/districts/baiyun/scheme")).StatusCode);
        }
        // Guangzhou's city official reads Baiyun's scheme and changes none.
        Assert.False((await LoadAsync(city, 2025))["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Put, Baiyun, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.Http.GetAsync("efficiency/districts/baiyun/scheme")).StatusCode);
        // The id is matched on the district's row whatever its spelling.
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync("api/efficiency/districts/BAIYUN/scheme")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.SendJsonAsync(HttpMethod.Put, Baiyun, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("api/efficiency/districts/nowhere/scheme")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync($"{Baiyun}?year=1800")).StatusCode);
    }
}
