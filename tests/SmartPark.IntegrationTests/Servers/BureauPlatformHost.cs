using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.BureauPlatform;

namespace SmartPark.IntegrationTests.Servers;

/// <summary>The simulated bureau platform hosted in the test process: TCP on a free port, its web side on another.</summary>
public sealed class BureauPlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;

    private BureauPlatformHost(WebApplication app, string dir, Uri url)
    {
        _app = app;
        _dir = dir;
        Url = url;
    }

    public Uri Url { get; }
    public PlatformServer Server => _app.Services.GetRequiredService<PlatformServer>();
    public FrameLog Log => _app.Services.GetRequiredService<FrameLog>();
    public EmissionJudge Judge => _app.Services.GetRequiredService<EmissionJudge>();
    public int Port => Server.Port;

    public static async Task<BureauPlatformHost> StartAsync(string? registryPath = null)
    {
        var dir = Directory.CreateTempSubdirectory("smartpark-bureau-").FullName;
        var http = FreePort.Next();
        var app = BureauPlatformApp.Build(
        [
            $"--Urls=http://127.0.0.1:{http}",
            $"--Platform:Port={FreePort.Next()}",
            $"--Platform:DataDirectory={dir}",
            "--Platform:SummaryInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
            .. registryPath is null ? Array.Empty<string>() : [$"--Platform:RegistryPath={registryPath}"],
        ]);
        await app.StartAsync();
        return new BureauPlatformHost(app, dir, new Uri($"http://127.0.0.1:{http}/"));
    }

    /// <summary>The valid frames of one MN and CN, in the order received.</summary>
    public IReadOnlyList<ReceivedFrame> Frames(string mn, string cn) =>
        Log.Snapshot().Where(f => f.Valid && f.Mn == mn && f.Cn == cn).ToList();

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
