using Microsoft.AspNetCore.Builder;
using SmartPark.Dashboard;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>The real Dashboard application hosted in the test process on a free port.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardHost> StartAsync(int brokerPort, Uri influx, string database)
    {
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var app = DashboardApp.Build(
        [
            $"--Urls=http://127.0.0.1:{port}",
            $"--Dashboard:Broker:Port={brokerPort}",
            $"--Influx:Url={influx}",
            $"--Influx:Database={database}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri(url, "healthz"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "Dashboard /healthz to report healthy");
        return new DashboardHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
