using System.Text.Json;
using SmartPark.Hj212;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>
/// The uplink as deployed, its own process: SIGTERM stops it cleanly (exit code 0) with periods
/// still waiting, and the next start finds them in its backlog and delivers them once each.
/// It has its own registry (one point) and its own simulated platform, so the fixture's
/// in-process uplink does not report the same point.
/// </summary>
[Collection(UplinkCollection.Name)]
public sealed class UplinkProcessTests(UplinkFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-uplink-process-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private async Task<(ProcessRunner Process, int Http)> StartAsync(string registry, int platformPort)
    {
        var http = FreePort.Next();
        var process = ProcessRunner.Start("dotnet",
        [
            RepositoryPaths.Output("src/Uplink", "SmartPark.Uplink.dll"),
            $"--Urls=http://127.0.0.1:{http}",
            $"--Registry:Path={registry}",
            $"--Influx:Url={fixture.Influx.Url}", $"--Influx:Database={UplinkFixture.Database}",
            $"--Uplink:Broker:Port={fixture.Ingest.BrokerPort}", "--Uplink:Broker:Username=uplink", $"--Uplink:Broker:Password={UplinkFixture.UplinkPassword}",
            "--Uplink:Broker:ClientId=smartpark-uplink-process",
            "--Uplink:Platform:Host=127.0.0.1", $"--Uplink:Platform:Port={platformPort}",
            $"--Uplink:StateDirectory={Path.Combine(_dir, "state")}",
            "--Uplink:MinInterval=1", "--Uplink:Settle=00:00:02", "--Uplink:CheckInterval=00:00:00.300", "--Uplink:RescanInterval=00:00:01",
            "--Uplink:Lookback=9.00:00:00", "--Uplink:Backfill=9.00:00:00", "--Uplink:ReplyTimeout=00:00:02", "--Uplink:Retries=1",
            "--Uplink:MinReconnectDelay=00:00:00.200", "--Uplink:MaxReconnectDelay=00:00:01",
        ]);
        using var client = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException("the uplink exited: " + process.Output);
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/healthz"));
            return response.IsSuccessStatusCode;
        }, Timeout, "the uplink process to answer /healthz");
        return (process, http);
    }

    private static async Task<string> PlatformsHealthAsync(int http)
    {
        using var client = new HttpClient();
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/healthz")));
        return health.RootElement.GetProperty("checks").GetProperty("platforms").GetProperty("description").GetString()!;
    }

    [Fact]
    public async Task SIGTERM_stops_it_cleanly_and_the_next_start_delivers_its_backlog_once()
    {
        var registry = Path.Combine(_dir, "registry.yaml");
        await File.WriteAllTextAsync(registry, UplinkFixture.RegistryYaml([UplinkFixture.ProcessDevice],
            new Dictionary<string, string> { [UplinkFixture.ProcessDevice] = UplinkFixture.ProcessMn }));
        await using var platform = await BureauPlatformHost.StartAsync(registry);
        await platform.Server.StopListeningAsync();

        var start = UplinkFixture.LocalDay(8).AddHours(6);
        var (first, http) = await StartAsync(registry, platform.Port);
        await using (first)
        {
            await fixture.PublishAsync(UplinkFixture.ProcessDevice, Enumerable.Range(0, 3)
                .Select(m => ("voc-1", "nmhc", 3.0 + m, UplinkFixture.Local(start.AddMinutes(m)), "N")).ToArray());
            // 3 minutes, their hour and their day wait for the platform.
            await Poll.UntilAsync(() => PlatformsHealthAsync(http), d => d.Contains("disconnected", StringComparison.Ordinal) && d.Contains(", 5 waiting", StringComparison.Ordinal),
                Timeout, "5 periods waiting in the uplink process");
            await first.StopAsync();
            Assert.Equal(0, first.ExitCode);
        }

        platform.Server.StartListening();
        var (second, _) = await StartAsync(registry, platform.Port);
        await using (second)
        {
            var minutes = await Poll.UntilAsync(() => Task.FromResult(platform.Frames(UplinkFixture.ProcessMn, Hj212Commands.MinuteData)), f => f.Count >= 3, Timeout,
                "the 3 minute uploads after the restart; uplink said: " + second.Output);
            await Poll.UntilAsync(() => Task.FromResult(platform.Frames(UplinkFixture.ProcessMn, Hj212Commands.DailyData).Count), n => n >= 1, Timeout, "the daily upload");
            Assert.Equal(Enumerable.Range(0, 3).Select(m => Hj212Time.DataTime(start.AddMinutes(m))), minutes.Select(f => f.DataTime!));
            Assert.Equal([Hj212Time.DataTime(start)], platform.Frames(UplinkFixture.ProcessMn, Hj212Commands.HourlyData).Select(f => f.DataTime!));
            Assert.Equal(["3", "4", "5"], minutes.Select(f => f.Values["a24088-Avg"]));
            await second.StopAsync();
            Assert.Equal(0, second.ExitCode);
        }
    }
}
