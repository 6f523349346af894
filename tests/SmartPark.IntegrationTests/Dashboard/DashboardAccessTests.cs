using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Sign-in and who may see what, over plain HTTP and a real SignalR client.</summary>
public sealed class DashboardAccessTests : DashboardOnItsOwnBroker
{
    [Fact]
    public async Task Without_sign_in_only_healthz_and_the_sign_in_page_answer()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Dashboard.Url };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live")).StatusCode);
        // Answered without sign-in; not ready here because this Dashboard has no InfluxDB.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("signin")).StatusCode);

        var page = await http.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("parks/p-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/parks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/parks/p-a/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_refused_and_the_right_one_signs_in()
    {
        Assert.Null(await SignedInClient.TrySignInAsync(Dashboard.Url, TestUser.OperatorA.Name, "wrong"));
        Assert.Null(await SignedInClient.TrySignInAsync(Dashboard.Url, "nobody", "nobody-pw"));

        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        var me = await op.Http.GetFromJsonAsync<Me>("api/me");
        Assert.Equal(("op-a", "operator"), (me!.Name, me.Role));
        Assert.Equal(["p-a", "p-live"], me.Parks);
    }

    [Fact]
    public async Task A_sign_in_post_without_its_anti_forgery_token_is_rejected()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Dashboard.Url };
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = TestUser.Admin.Name,
            ["password"] = TestUser.Admin.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("smartpark.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_gets_403_for_another_parks_page_and_api()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("parks/p-a")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("api/parks/p-a/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("parks/p-b")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("api/parks/p-b/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("api/parks/p-b/devices/e1/d1/history?quantity=nmhc")).StatusCode);
        Assert.DoesNotContain("p-b", await op.Http.GetFromJsonAsync<List<string>>("api/parks") ?? []);

        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("parks/p-b")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("api/parks/p-b/devices")).StatusCode);
    }

    [Fact]
    public async Task Officials_whose_district_or_city_holds_no_known_park_see_none()
    {
        // No park database and no registry here: no data places p-a anywhere, so no official sees
        // it, whatever the URL or their claims say (ParkIsolationTests has them with data).
        foreach (var user in new[] { TestUser.DistrictBaiyun, TestUser.CityGuangzhou })
        {
            using var client = await Dashboard.SignInAsync(user);
            Assert.Empty((await client.Http.GetFromJsonAsync<List<string>>("api/parks"))!);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("parks/p-a")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("api/parks/p-a/devices")).StatusCode);
            var me = await client.Http.GetFromJsonAsync<Me>("api/me");
            Assert.Equal(user.Role, me!.Role);
        }
    }

    [Fact]
    public async Task The_hub_refuses_another_parks_group()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub(LiveHub.Path);
        await hub.StartAsync();
        Assert.Equal("p-a", (await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-a")).Park);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-b"));
        Assert.Contains("forbidden", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_needs_the_anti_forgery_token_and_ends_the_session()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.PostAsync("signout", null)).StatusCode);

        var af = await op.Http.GetFromJsonAsync<Antiforgery>("api/antiforgery");
        using var response = await op.Http.PostAsync("signout", new FormUrlEncodedContent(new Dictionary<string, string> { [af!.Field] = af.Token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await op.Http.GetAsync("api/parks")).StatusCode);
    }

    private sealed record Me(string Name, string Role, List<string> Parks);

    private sealed record Antiforgery(string Field, string Token);
}
