using Microsoft.AspNetCore.Builder;
using SmartPark.Dashboard;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>The real Dashboard application hosted in the test process on a free port.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly string _dir;

    private DashboardHost(WebApplication app, Uri url, string dir, string usersPath)
    {
        _app = app;
        Url = url;
        _dir = dir;
        UsersPath = usersPath;
    }

    public Uri Url { get; }

    /// <summary>The users file this Dashboard reads (tests edit it to remove users or parks).</summary>
    public string UsersPath { get; }

    /// <summary>The running app's services: its endpoint data source, for tests that enumerate every endpoint.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Signs one of <see cref="TestUser.Standard"/> in.</summary>
    public Task<SignedInClient> SignInAsync(TestUser user) => SignedInClient.SignInAsync(Url, user.Name, user.Password);

    /// <summary>Starts the Dashboard with <see cref="TestUser.Standard"/> as its users.</summary>
    public static async Task<DashboardHost> StartAsync(int brokerPort, Uri influx, string database, params string[] extraArgs)
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-dashboard-").FullName;
        var usersPath = TestUser.WriteFile(dir, TestUser.Standard);
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var app = DashboardApp.Build(
        [
            $"--Urls=http://127.0.0.1:{port}",
            $"--Dashboard:Broker:Port={brokerPort}",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
            $"--Dashboard:UsersPath={usersPath}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ]);
        await app.StartAsync();
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri(url, "healthz"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "Dashboard /healthz to report healthy");
        return new DashboardHost(app, url, dir, usersPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
