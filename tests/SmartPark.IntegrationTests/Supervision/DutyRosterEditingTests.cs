using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// A park's duty roster over the real API and a real park database (SQLite and PostgreSQL, migrated
/// by the Dashboard's migrations, DutyRosters included): the park's operator, its district's official
/// and admins read and replace it; a stale version is refused with 409 and who changed it; another
/// park's operator, another district's official and a bureau officer are refused, a city official only reads;
/// the registry's rules and the anti-forgery token hold; every change is audited as duty:PARK and
/// moves the registry revision.
/// </summary>
public sealed class DutyRosterEditingTests
{
    private const string Duty = "api/supervision/parks/p-a/duty";

    private static object Roster(long version, string first = "zhang") => new
    {
        version,
        manager = "li",
        people = new object[]
        {
            new { id = "zhang", name = "张工", phone = "138 0000 0001", email = "zhang@example.invalid" },
            new { id = "wang", name = "王工", phone = "+8613800000002", email = (string?)null },
            new { id = "li", name = "李经理", phone = (string?)null, email = "li@example.invalid" },
        },
        shifts = new object[]
        {
            new { days = new[] { "mon", "tue", "wed", "thu", "fri" }, from = "08:00", until = "18:00", people = new[] { first, first == "zhang" ? "wang" : "zhang" } },
            new { days = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }, from = "18:00", until = "08:00", people = new[] { "wang" } },
        },
    };

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_operator_creates_the_roster_the_district_changes_it_a_stale_version_gets_409_and_each_change_is_audited(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);
        long revision;
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
            revision = (await db.RegistryRevisions.SingleAsync()).Number;

        var empty = (await op.Http.GetFromJsonAsync<JsonObject>(Duty))!;
        Assert.Equal((0L, true, 0), (empty["version"]!.GetValue<long>(), empty["canEdit"]!.GetValue<bool>(), empty["people"]!.AsArray().Count));
        Assert.Equal(7, empty["week"]!.AsArray().Count);
        Assert.All(empty["week"]!.AsArray(), day => Assert.Equal(24, day!.AsArray().Count));

        using var created = await op.SendJsonAsync(HttpMethod.Put, Duty, Roster(0));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var roster = await BodyAsync(created);
        Assert.Equal(1L, roster["version"]!.GetValue<long>());
        // Stored as E.164; the week's picture and "now" come from the same chain notifications follow.
        Assert.Equal("+8613800000001", roster["people"]![0]!["phone"]!.GetValue<string>());
        Assert.Equal("zhang", roster["week"]![0]![9]!.GetValue<string>());  // Monday 09:00
        Assert.Equal("wang", roster["week"]![5]![2]!.GetValue<string>());   // Saturday 02:00: Friday's night shift
        Assert.Null(roster["week"]![5]![12]);                                // Saturday noon: no shift, the manager alone
        Assert.Equal("li", roster["now"]!["chain"]!.AsArray().Last()!.GetValue<string>());

        // The district official reorders the day shift; the operator's page still holds version 1.
        using var changed = await district.SendJsonAsync(HttpMethod.Put, Duty, Roster(1, first: "wang"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var stale = await op.SendJsonAsync(HttpMethod.Put, Duty, Roster(1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await BodyAsync(stale);
        Assert.Equal(2L, conflict["current"]!["version"]!.GetValue<long>());
        Assert.Equal("wang", conflict["current"]!["shifts"]![0]!["people"]![0]!.GetValue<string>());
        Assert.Equal("district-baiyun", conflict["changedBy"]!["actor"]!.GetValue<string>());
        // A page that loaded "no roster" cannot overwrite the one created meanwhile either.
        Assert.Equal(HttpStatusCode.Conflict, (await op.SendJsonAsync(HttpMethod.Put, Duty, Roster(0))).StatusCode);

        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            var row = await db.DutyRosters.AsNoTracking().SingleAsync();
            Assert.Equal(("p-a", 2L), (row.ParkId, row.Version));
            Assert.Contains("\"people\":[\"wang\",\"zhang\"]", row.ShiftsJson, StringComparison.Ordinal);
            Assert.Equal(revision + 2, (await db.RegistryRevisions.SingleAsync()).Number);
        }
        var history = (await district.Http.GetFromJsonAsync<List<JsonObject>>("api/supervision/parks/p-a/audit"))!
            .Where(h => h!["key"]!.GetValue<string>() == "duty:p-a")
            .Select(h => (h["action"]!.GetValue<string>(), h["actor"]!.GetValue<string>())).ToList();
        Assert.Equal([("updated", "district-baiyun"), ("created", "op-a")], history);

        // An admin empties it: the row stays, with its version, and the registry has no roster.
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        using var emptied = await admin.SendJsonAsync(HttpMethod.Put, Duty, new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        var none = await BodyAsync(emptied);
        Assert.Equal((3L, 0), (none["version"]!.GetValue<long>(), none["people"]!.AsArray().Count));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task Another_parks_operator_another_district_a_bureau_officer_and_a_missing_token_are_refused_and_the_city_only_reads(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using (var created = await op.SendJsonAsync(HttpMethod.Put, Duty, Roster(0)))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        foreach (var user in new[] { TestUser.OperatorDemo, TestUser.DistrictHuadu, TestUser.BureauA })
        {
            using var other = await stack.Dashboard.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(Duty)).StatusCode);
            using var write = await other.SendJsonAsync(HttpMethod.Put, Duty, Roster(1, first: "wang"));
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }
        // The city official supervises the park: reads the roster, may not change it.
        using var city = await stack.Dashboard.SignInAsync(TestUser.CityGuangzhou);
        var read = (await city.Http.GetFromJsonAsync<JsonObject>(Duty))!;
        Assert.Equal((false, 3), (read["canEdit"]!.GetValue<bool>(), read["people"]!.AsArray().Count));
        using (var cityWrite = await city.SendJsonAsync(HttpMethod.Put, Duty, Roster(1, first: "wang")))
            Assert.Equal(HttpStatusCode.Forbidden, cityWrite.StatusCode);
        // Without the anti-forgery token, even the park's own operator is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.PutAsJsonAsync(Duty, Roster(1, first: "wang"))).StatusCode);

        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Equal(1L, (await db.DutyRosters.AsNoTracking().SingleAsync()).Version);
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Key == "duty:p-a"));
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_roster_the_registry_would_refuse_is_refused_field_by_field_and_nothing_is_written(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var district = await stack.Dashboard.SignInAsync(TestUser.DistrictBaiyun);

        using var unreachable = await district.SendJsonAsync(HttpMethod.Put, Duty, new
        {
            version = 0,
            people = new[] { new { id = "zhang", name = "张工", phone = "12345", email = "not an address" }, new { id = "wang", name = "王工", phone = "", email = "" } },
            shifts = new[] { new { days = new[] { "someday" }, from = "8 am", until = "18:00", people = new[] { "zhang" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unreachable.StatusCode);
        var errors = (await BodyAsync(unreachable))["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        Assert.Equal([("people[0].phone", "phone"), ("people[0].email", "email"), ("people[1].phone", "unreachable"), ("shifts[0].days", "days"), ("shifts[0].from", "time")], errors);

        // Field by field right, but the manager and a shift's person are not on the roster: the registry's own rule says so.
        using var unknown = await district.SendJsonAsync(HttpMethod.Put, Duty, new
        {
            version = 0,
            manager = "boss",
            people = new[] { new { id = "zhang", name = "张工", phone = "+8613800000001" } },
            shifts = new[] { new { days = new[] { "sun" }, from = "00:00", until = "00:00", people = new[] { "zhao" } } },
        });
        var rules = (await BodyAsync(unknown))["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), e["message"]!.GetValue<string>())).ToList();
        Assert.Contains(rules, r => r.Item1 == "duty_rule" && r.Item2.Contains("manager 'boss' is not one of its people", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Item1 == "duty_rule" && r.Item2.Contains("shift person 'zhao' is not one of its people", StringComparison.Ordinal));

        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.DutyRosters.ToListAsync());
    }
}
