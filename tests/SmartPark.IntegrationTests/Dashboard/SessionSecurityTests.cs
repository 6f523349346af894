using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Live;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Sessions held to the users file, the hub's origin check and cookie keys across restarts.</summary>
public sealed class SessionSecurityTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public Task DisposeAsync() => _broker.DisposeAsync().AsTask();

    private Task<DashboardHost> Dashboard(params string[] args) =>
        DashboardHost.StartAsync(_broker.Port, new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "none", args);

    /// <summary>Rewrites the users file as an operator would, keeping every other user's hash as it is.</summary>
    private static void EditUsers(string path, Func<List<DashboardUser>, List<DashboardUser>> edit)
    {
        var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), Json)!;
        File.WriteAllText(path, JsonSerializer.Serialize(new UsersFile { Users = edit([.. file.Users]) }, Json));
    }

    [Fact]
    public async Task A_user_removed_from_the_users_file_is_refused_at_the_next_request_and_on_the_hub()
    {
        await using var dashboard = await Dashboard();
        using var op = await dashboard.SignInAsync(TestUser.OperatorA);
        using var admin = await dashboard.SignInAsync(TestUser.Admin);
        await using var hub = op.Hub(LiveHub.Path);
        await hub.StartAsync();
        await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-a");

        EditUsers(dashboard.UsersPath, users => users.Where(u => u.Name != TestUser.OperatorA.Name).ToList());

        Assert.Equal(HttpStatusCode.Unauthorized, (await op.Http.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await op.Http.GetAsync("parks/p-a")).StatusCode);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-a"));
        Assert.True(refused is HubException or TaskCanceledException or InvalidOperationException, refused.ToString());
        await Poll.UntilAsync(() => Task.FromResult(hub.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(10), "the removed user's hub connection to close");
        // Everyone else carries on.
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task An_idle_hub_connection_of_a_removed_user_is_closed_within_the_recheck_interval()
    {
        await using var dashboard = await Dashboard("--Dashboard:HubSessionRecheck=00:00:00.2");
        using var op = await dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub(LiveHub.Path);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync<ParkSnapshot>("JoinPark", "p-a");

        EditUsers(dashboard.UsersPath, users => users.Where(u => u.Name != TestUser.OperatorA.Name).ToList());

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_park_removed_from_a_user_is_refused_at_the_next_request_and_a_changed_password_ends_the_session()
    {
        await using var dashboard = await Dashboard();
        using var op = await dashboard.SignInAsync(TestUser.OperatorA);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("api/parks/p-a/devices")).StatusCode);

        EditUsers(dashboard.UsersPath, users => users.Select(u => u.Name == TestUser.OperatorA.Name ? u with { Parks = ["p-live"] } : u).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("api/parks/p-a/devices")).StatusCode);
        var me = await op.Http.GetFromJsonAsync<JsonElement>("api/me");
        Assert.Equal(["p-live"], me.GetProperty("parks").EnumerateArray().Select(p => p.GetString()));

        EditUsers(dashboard.UsersPath, users => users.Select(u => u.Name == TestUser.OperatorA.Name ? u with { PasswordHash = UserStore.Hash("new-password") } : u).ToList());
        Assert.Equal(HttpStatusCode.Unauthorized, (await op.Http.GetAsync("api/me")).StatusCode);
        Assert.NotNull(await SignedInClient.TrySignInAsync(dashboard.Url, TestUser.OperatorA.Name, "new-password"));
    }

    [Fact]
    public async Task The_hub_refuses_a_foreign_origin_over_negotiate_and_websocket()
    {
        await using var dashboard = await Dashboard();
        using var op = await dashboard.SignInAsync(TestUser.OperatorA);
        var own = dashboard.Url.GetLeftPart(UriPartial.Authority);

        using var foreignNegotiate = new HttpRequestMessage(HttpMethod.Post, "hubs/live/negotiate?negotiateVersion=1");
        foreignNegotiate.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.SendAsync(foreignNegotiate)).StatusCode);
        using var ownNegotiate = new HttpRequestMessage(HttpMethod.Post, "hubs/live/negotiate?negotiateVersion=1");
        ownNegotiate.Headers.Add("Origin", own);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.SendAsync(ownNegotiate)).StatusCode);

        var ws = new Uri(dashboard.Url.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "hubs/live");
        using var foreign = new ClientWebSocket();
        foreign.Options.CollectHttpResponseDetails = true;
        foreign.Options.SetRequestHeader("Origin", "https://evil.example");
        foreign.Options.SetRequestHeader("Cookie", op.CookieHeader);
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(ws, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);

        using var same = new ClientWebSocket();
        same.Options.SetRequestHeader("Origin", own);
        same.Options.SetRequestHeader("Cookie", op.CookieHeader);
        await same.ConnectAsync(ws, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, same.State);
    }

    [Fact]
    public async Task A_session_survives_a_restart_with_the_same_keys_directory_and_not_with_another()
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-keys-").FullName;
        try
        {
            var users = TestUser.WriteFile(dir, TestUser.Standard);
            var keys = Path.Combine(dir, "keys");
            string cookie;
            await using (var first = await Dashboard($"--Dashboard:UsersPath={users}", $"--Dashboard:KeysDirectory={keys}"))
            {
                using var op = await first.SignInAsync(TestUser.OperatorA);
                cookie = op.CookieHeader;
            }
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));

            await using (var restarted = await Dashboard($"--Dashboard:UsersPath={users}", $"--Dashboard:KeysDirectory={keys}"))
                Assert.Equal(HttpStatusCode.OK, await StatusWithCookie(restarted, cookie));
            await using (var otherKeys = await Dashboard($"--Dashboard:UsersPath={users}", $"--Dashboard:KeysDirectory={Path.Combine(dir, "other-keys")}"))
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookie(otherKeys, cookie));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> StatusWithCookie(DashboardHost dashboard, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = dashboard.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
