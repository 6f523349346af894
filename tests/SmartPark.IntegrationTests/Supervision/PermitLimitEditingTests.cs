using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// An enterprise's discharge-permit limits over the real API and a real park database (SQLite and
/// PostgreSQL, migrated by the Dashboard's migrations, PermitLimits included): who may write (the
/// park's district and admins, decided on the park's district in the data), stale versions refused
/// with 409 and who changed the limit, every change in the park's audit history, the refusals
/// (a quantity that is no pollutant, a limit without a permit number, a permit number cleared
/// under its limits) and the anti-forgery token.
/// </summary>
public sealed class PermitLimitEditingTests
{
    private const string Limits = "api/supervision/parks/p-a/enterprises/e1/limits";

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>e1 of p-a gets a permit number, as a district official records it on the enterprise form.</summary>
    private static async Task RecordPermitAsync(SignedInClient client)
    {
        var enterprise = (await client.Http.GetFromJsonAsync<JsonObject>("api/supervision/parks/p-a/enterprises/e1"))!;
        enterprise["dischargePermitNumber"] = "91440111MA59AB1C2001V";
        using var saved = await client.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a/enterprises/e1", enterprise);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_district_official_adds_changes_and_removes_a_limit_each_audited_and_a_stale_version_gets_409(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        await RecordPermitAsync(district);

        var view = (await district.Http.GetFromJsonAsync<JsonObject>(Limits))!;
        Assert.True(view["canEdit"]!.GetValue<bool>());
        var choices = view["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("nox_converted", choices);
        Assert.Contains("cod", choices);
        Assert.Contains("benzene_rate", choices);
        Assert.DoesNotContain("ph", choices);
        Assert.DoesNotContain("flue_gas_temperature", choices);

        using var created = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/nox_converted", new { limit = 50 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var limit = await BodyAsync(created);
        Assert.Equal(("mg/m3", 0L), (limit["unit"]!.GetValue<string>(), limit["version"]!.GetValue<long>()));
        using var again = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/nox_converted", new { limit = 60 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The admin tightens it; the district official's page still holds version 0.
        using var tightened = await admin.SendJsonAsync(HttpMethod.Put, $"{Limits}/nox_converted", new { limit = 30, version = 0 });
        Assert.Equal(HttpStatusCode.OK, tightened.StatusCode);
        using var stale = await district.SendJsonAsync(HttpMethod.Put, $"{Limits}/nox_converted", new { limit = 40, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await BodyAsync(stale);
        Assert.Equal((30.0, 1L), (conflict["current"]!["limit"]!.GetValue<double>(), conflict["current"]!["version"]!.GetValue<long>()));
        Assert.Equal("admin", conflict["changedBy"]!["actor"]!.GetValue<string>());
        using var staleDelete = await district.SendJsonAsync(HttpMethod.Delete, $"{Limits}/nox_converted?version=0", new { });
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);

        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            var row = await db.PermitLimits.AsNoTracking().SingleAsync();
            Assert.Equal((30.0, 1L), (row.Limit, row.Version));
        }

        using var removed = await district.SendJsonAsync(HttpMethod.Delete, $"{Limits}/nox_converted?version=1", new { });
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        var history = (await district.Http.GetFromJsonAsync<List<JsonElement>>("api/supervision/parks/p-a/audit"))!
            .Where(h => h.GetProperty("key").GetString() == "permit-limit:p-a/e1/nox_converted")
            .Select(h => (h.GetProperty("action").GetString(), h.GetProperty("actor").GetString())).ToList();
        Assert.Equal([("deleted", "district-baiyun"), ("updated", "admin"), ("created", "district-baiyun")], history);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Another_districts_official_a_city_official_and_an_operator_may_not_write_limits(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var baiyun = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        using var huadu = await stack.Dashboard.SignInAsync(TestUser.DistrictHuadu);
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        await RecordPermitAsync(baiyun);
        using (var created = await baiyun.SendJsonAsync(HttpMethod.Post, $"{Limits}/cod", new { limit = 60 }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Huadu's official is refused p-a (a Baiyun park) whatever the URL, reading or writing.
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.Http.GetAsync(Limits)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Put, $"{Limits}/cod", new { limit = 500, version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await huadu.SendJsonAsync(HttpMethod.Delete, $"{Limits}/cod?version=0", new { })).StatusCode);
        // The city official reads and may not write; so does the park's operator.
        Assert.False((await city.Http.GetFromJsonAsync<JsonObject>(Limits))!["canEdit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await city.SendJsonAsync(HttpMethod.Post, $"{Limits}/nox_converted", new { limit = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.SendJsonAsync(HttpMethod.Put, $"{Limits}/cod", new { limit = 500, version = 0 })).StatusCode);
        // Without the anti-forgery token, even the district's own official is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await baiyun.Http.PutAsJsonAsync($"{Limits}/cod", new { limit = 500, version = 0 })).StatusCode);

        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        var row = await db.PermitLimits.AsNoTracking().SingleAsync();
        Assert.Equal((60.0, 0L), (row.Limit, row.Version));
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Key == "permit-limit:p-a/e1/cod"));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_limit_needs_a_permit_number_and_a_pollutant_and_the_number_cannot_be_cleared_under_its_limits(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);

        using var noPermit = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/cod", new { limit = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, noPermit.StatusCode);
        Assert.Equal("no_permit", (await BodyAsync(noPermit))["errors"]![0]!["code"]!.GetValue<string>());

        await RecordPermitAsync(district);
        using var notPollutant = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/flue_gas_temperature", new { limit = 200 });
        Assert.Equal(("quantity", "vocabulary"), Error(await BodyAsync(notPollutant)));
        using var negative = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/cod", new { limit = -1 });
        Assert.Equal(("limit", "range"), Error(await BodyAsync(negative)));
        using var created = await district.SendJsonAsync(HttpMethod.Post, $"{Limits}/cod", new { limit = 60 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var enterprise = (await district.Http.GetFromJsonAsync<JsonObject>("api/supervision/parks/p-a/enterprises/e1"))!;
        enterprise["dischargePermitNumber"] = null;
        using var cleared = await district.SendJsonAsync(HttpMethod.Put, "api/supervision/parks/p-a/enterprises/e1", enterprise);
        Assert.Equal(("dischargePermitNumber", "permit_has_limits"), Error(await BodyAsync(cleared)));
    }

    private static (string, string) Error(JsonObject body) =>
        (body["errors"]![0]!["field"]!.GetValue<string>(), body["errors"]![0]!["code"]!.GetValue<string>());
}
