using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartPark.IntegrationTests.Servers;
using SmartPark.ParkData.Validation;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// Editing parks and enterprises over the real API and a real park database (each provider in
/// <see cref="TestParkDatabase.Providers"/>): stale saves refused with who changed the row, the
/// audit history, validation (USCC, vocabularies, coordinates, the jurisdiction's minimum area)
/// and who may write (the park's district and admins; not another district, a city or an operator).
/// </summary>
public sealed class ParkEditingTests
{
    private static async Task<JsonObject> LoadAsync(SignedInClient client, string park) =>
        (await client.Http.GetFromJsonAsync<JsonObject>($"api/supervision/parks/{park}"))!;

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_stale_save_is_refused_with_the_current_values_and_who_changed_them_and_can_be_reapplied(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        var mine = await LoadAsync(district, "p-a");
        var theirs = await LoadAsync(admin, "p-a");
        Assert.True(mine["canEdit"]!.GetValue<bool>());

        mine["nameEn"] = "Shimen Furniture Park";
        mine["latitude"] = 23.28;
        mine["longitude"] = 113.27;
        using var first = await district.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", mine);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await BodyAsync(first))["version"]!.GetValue<long>());

        theirs["nameEn"] = "Another name";
        using var stale = await admin.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", theirs);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await BodyAsync(stale);
        Assert.Equal("Shimen Furniture Park", conflict["current"]!["nameEn"]!.GetValue<string>());
        Assert.Equal("district-baiyun", conflict["changedBy"]!["actor"]!.GetValue<string>());
        Assert.NotNull(conflict["changedBy"]!["at"]);

        // Reapplied over the current version, the second change goes in.
        var current = conflict["current"]!.AsObject();
        current["nameEn"] = "Another name";
        using var reapplied = await admin.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", current);
        Assert.Equal(HttpStatusCode.OK, reapplied.StatusCode);
        Assert.Equal("Another name", (await LoadAsync(district, "p-a"))["nameEn"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Every_change_is_in_the_parks_history_with_who_when_and_before_and_after(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        var park = await LoadAsync(district, "p-a");
        park["leadingIndustry"] = "electronics";
        park["category"] = "upgrade";
        Assert.Equal(HttpStatusCode.OK, (await district.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", park)).StatusCode);
        var enterprise = (await district.Http.GetFromJsonAsync<JsonObject>("api/supervision/parks/p-a/enterprises/e1"))!;
        enterprise["contactPhone"] = "020-12345678";
        Assert.Equal(HttpStatusCode.OK, (await district.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a/enterprises/e1", enterprise)).StatusCode);

        var history = (await district.Http.GetFromJsonAsync<List<JsonElement>>("api/supervision/parks/p-a/audit"))!;
        var parkChange = history.First(h => h.GetProperty("key").GetString() == "park:p-a" && h.GetProperty("action").GetString() == "updated");
        Assert.Equal("district-baiyun", parkChange.GetProperty("actor").GetString());
        var changes = parkChange.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(["Category", "LeadingIndustry"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("家具", changes["LeadingIndustry"].GetProperty("before").GetString());
        Assert.Equal("electronics", changes["LeadingIndustry"].GetProperty("after").GetString());
        Assert.Equal(JsonValueKind.Null, changes["Category"].GetProperty("before").ValueKind);
        var enterpriseChange = history.First(h => h.GetProperty("key").GetString() == "enterprise:p-a/e1" && h.GetProperty("action").GetString() == "updated");
        Assert.Equal("020-12345678", enterpriseChange.GetProperty("changes")[0].GetProperty("after").GetString());
        // Newest first, and only this park's rows.
        Assert.Equal("enterprise:p-a/e1", history[0].GetProperty("key").GetString());
        Assert.DoesNotContain(history, h => h.GetProperty("key").GetString()!.Contains("p-b", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_wrong_unified_social_credit_code_and_other_invalid_fields_are_refused_with_reasons(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        const string first17 = "91440101MA5CUQ2X1";
        var valid = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        var typo = first17 + (valid[^1] == '0' ? '1' : '0');
        object Enterprise(string code) => new { nameZh = "新企业", industry = "家具", status = "operating", creditCode = code };

        using var refused = await district.SendJsonAsync(HttpMethod.Post, "api/supervision/parks/p-a/enterprises/e2", Enterprise(typo));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await BodyAsync(refused))["errors"]![0]!;
        Assert.Equal(("creditCode", "uscc_checkdigit"), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        Assert.Contains("check character", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        using var shortCode = await district.SendJsonAsync(HttpMethod.Post, "api/supervision/parks/p-a/enterprises/e2", Enterprise("9144"));
        Assert.Equal("uscc_length", (await BodyAsync(shortCode))["errors"]![0]!["code"]!.GetValue<string>());
        using var created = await district.SendJsonAsync(HttpMethod.Post, "api/supervision/parks/p-a/enterprises/e2", Enterprise(valid.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(valid, (await BodyAsync(created))["creditCode"]!.GetValue<string>());

        var park = await LoadAsync(district, "p-a");
        park["latitude"] = 95;
        park["longitude"] = 113;
        park["category"] = "demolish";
        using var badPark = await district.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", park);
        Assert.Equal(HttpStatusCode.BadRequest, badPark.StatusCode);
        var fields = (await BodyAsync(badPark))["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        Assert.Equal([("latitude", "range"), ("category", "vocabulary")], fields);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Only_the_parks_district_and_admins_write_and_parks_are_added_only_to_ones_own_district(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        var park = await LoadAsync(admin, "p-a");

        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync("api/supervision/parks/p-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", park)).StatusCode);
        // The city official reads every Guangzhou park and edits none.
        Assert.False((await LoadAsync(city, "p-a"))["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", park)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a", park)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a/enterprises/e1", new { nameZh = "x", industry = "x", status = "operating" })).StatusCode);
        Assert.Equal(0, (await LoadAsync(admin, "p-a"))["version"]!.GetValue<long>());

        object NewPark(string id, double hectares) => new { id, nameZh = "新园区", leadingIndustry = "家具", landAreaHectares = hectares, landOwnership = "collective", landProcedures = "missing", planningStatus = "missing", environmentalAssessmentStatus = "missing" };
        Assert.Equal(HttpStatusCode.Forbidden, (await baiyun.SendJsonAsync(HttpMethod.Post, "api/supervision/districts/huadu/parks", NewPark("p-new", 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Post, "api/supervision/districts/baiyun/parks", NewPark("p-new", 3))).StatusCode);
        using var created = await baiyun.SendJsonAsync(HttpMethod.Post, "api/supervision/districts/baiyun/parks", NewPark("p-new", 3));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await baiyun.SendJsonAsync(HttpMethod.Post, "api/supervision/districts/baiyun/parks", NewPark("p-new", 3))).StatusCode);
        // The new park is the district official's at once, on the live pages too.
        Assert.Equal(HttpStatusCode.OK, (await baiyun.Http.GetAsync("api/parks/p-new/devices")).StatusCode);
        // Qingyuan counts as a park only contiguous industrial land of at least 2 ha.
        using var small = await admin.SendJsonAsync(HttpMethod.Post, "api/supervision/districts/qingcheng/parks", NewPark("qy-small", 1.5));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
        Assert.Equal("below_minimum_area", (await BodyAsync(small))["errors"]![0]!["code"]!.GetValue<string>());
        // A write without the anti-forgery token is refused whoever sends it.
        using var noToken = await baiyun.Http.PutAsJsonAsync("api/supervision/parks/p-a", park);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }
}
