using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision;

/// <summary>
/// Users in the park database, managed by admins over the real API: the users file imported at
/// the first start, admin only, hashes never sent, audited, the last admin kept, and a disabled
/// user's or a reset password's sessions ended at the next request.
/// </summary>
public sealed class UserAdminTests
{
    private static async Task<JsonObject> UserAsync(SignedInClient admin, string name) =>
        (await admin.Http.GetFromJsonAsync<List<JsonObject>>("api/admin/users"))!.Single(u => u["name"]!.GetValue<string>() == name);

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_users_file_is_imported_once_and_only_admins_see_the_users_without_their_hashes(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        var users = (await admin.Http.GetFromJsonAsync<List<JsonObject>>("api/admin/users"))!;
        Assert.Equal(TestUser.Standard.Select(u => u.Name).Order(StringComparer.Ordinal), users.Select(u => u["name"]!.GetValue<string>()));
        Assert.Equal("baiyun", users.Single(u => u["name"]!.GetValue<string>() == "district-baiyun")["district"]!.GetValue<string>());
        Assert.DoesNotContain("passwordHash", await admin.Http.GetStringAsync("api/admin/users"), StringComparison.OrdinalIgnoreCase);
        await using (var db = await stack.Database.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.Audit.AnyAsync(a => a.Actor.StartsWith("import:") && a.Key == "user:op-a"));
            // The trail shows that a hash changed, never the hash.
            Assert.DoesNotContain(await db.Audit.Where(a => a.Entity == "UserAccount").Select(a => a.After!).ToListAsync(), a => a.Contains("AQAAAA", StringComparison.Ordinal));
        }
        foreach (var user in new[] { TestUser.OperatorA, TestUser.BureauA, TestUser.DistrictBaiyun, TestUser.CityGuangzhou })
        {
            using var client = await stack.Dashboard.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("api/admin/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendJsonAsync(HttpMethod.Post, "api/admin/users", new { name = "x", role = "admin", password = "long-enough-pw" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("supervision/users")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task An_admin_adds_a_district_official_who_then_signs_in_and_sees_their_district(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        using var noDistrict = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/users", new { name = "li", role = "district", password = "li-password-1" });
        Assert.Equal(HttpStatusCode.BadRequest, noDistrict.StatusCode);
        using var shortPassword = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/users", new { name = "li", role = "district", district = "huadu", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        using var added = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/users", new { name = "li", displayName = "李", role = "district", district = "huadu", password = "li-password-1" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.DoesNotContain("password", await added.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var li = await SignedInClient.SignInAsync(stack.Dashboard.Url, "li", "li-password-1");
        Assert.Equal(["p-b"], await li.Http.GetFromJsonAsync<List<string>>("api/parks"));
        await using var db = await stack.Database.Factory.CreateDbContextAsync();
        Assert.Equal("admin", (await db.Audit.SingleAsync(a => a.Key == "user:li")).Actor);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task The_last_admin_cannot_be_demoted_or_disabled(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        var me = await UserAsync(admin, "admin");
        me["role"] = "operator";
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendJsonAsync(HttpMethod.Put, "api/admin/users/admin", me)).StatusCode);
        me["role"] = "admin";
        me["disabled"] = true;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendJsonAsync(HttpMethod.Put, "api/admin/users/admin", me)).StatusCode);

        // With a second admin, the first may step down.
        Assert.Equal(HttpStatusCode.Created, (await admin.SendJsonAsync(HttpMethod.Post, "api/admin/users", new { name = "admin2", role = "admin", password = "admin2-password" })).StatusCode);
        me["disabled"] = false;
        me["role"] = "operator";
        Assert.Equal(HttpStatusCode.OK, (await admin.SendJsonAsync(HttpMethod.Put, "api/admin/users/admin", me)).StatusCode);
        // Now an operator: the next request has the new role.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("api/admin/users")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestParkDatabase.Providers), MemberType = typeof(TestParkDatabase))]
    public async Task A_disabled_users_session_ends_and_a_reset_password_replaces_the_old_one(string provider)
    {
        await using var stack = await SupervisionStack.StartAsync(provider);
        using var admin = await stack.Dashboard.SignInAsync(TestUser.Admin);
        using var op = await stack.Dashboard.SignInAsync(TestUser.OperatorA);
        using var bureau = await stack.Dashboard.SignInAsync(TestUser.BureauA);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("api/me")).StatusCode);

        var user = await UserAsync(admin, "op-a");
        user["disabled"] = true;
        Assert.Equal(HttpStatusCode.OK, (await admin.SendJsonAsync(HttpMethod.Put, "api/admin/users/op-a", user)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await op.Http.GetAsync("api/parks")).StatusCode);
        Assert.Null(await SignedInClient.TrySignInAsync(stack.Dashboard.Url, TestUser.OperatorA.Name, TestUser.OperatorA.Password));

        using var reset = await admin.SendJsonAsync(HttpMethod.Post, "api/admin/users/bureau-a/password", new { password = "a-new-password" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bureau.Http.GetAsync("api/parks")).StatusCode);
        Assert.Null(await SignedInClient.TrySignInAsync(stack.Dashboard.Url, TestUser.BureauA.Name, TestUser.BureauA.Password));
        using var again = await SignedInClient.SignInAsync(stack.Dashboard.Url, TestUser.BureauA.Name, "a-new-password");
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("api/parks")).StatusCode);
    }
}
