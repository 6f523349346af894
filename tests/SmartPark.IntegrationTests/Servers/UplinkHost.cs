using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Uplink;
using SmartPark.Uplink.Storage;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>The real HJ 212 uplink hosted in the test process.</summary>
public sealed class UplinkHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UplinkHost(WebApplication app, int httpPort, string dataDirectory)
    {
        _app = app;
        HttpPort = httpPort;
        DataDirectory = dataDirectory;
    }

    public int HttpPort { get; }
    public string DataDirectory { get; }
    public UplinkStore Store => _app.Services.GetRequiredService<UplinkStore>();
    public UplinkService Service => _app.Services.GetRequiredService<UplinkService>();

    public static async Task<UplinkHost> StartAsync(params string[] args)
    {
        var data = Directory.CreateTempSubdirectory("smartpark-uplink-").FullName;
        var http = FreePort.Next();
        var app = UplinkApp.Build(
        [
            $"--Urls=http://127.0.0.1:{http}",
            $"--Uplink:StateDirectory={data}",
            "--Logging:LogLevel:Default=Warning",
            .. args,
        ]);
        await app.StartAsync();
        using var client = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            using var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{http}/healthz"));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "the uplink's /healthz to answer 200");
        return new UplinkHost(app, http, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
