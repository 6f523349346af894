using SmartPark.Ingest.Notifications;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>The WeChat Work robot's outbox inside the real Ingest process, killed with SIGKILL while the robot refuses.</summary>
public sealed class WeComRobotKillTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("wecom-kill-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string Outbox => Path.Combine(_data, "wecom");

    private ProcessRunner StartIngest(Uri robot)
    {
        var broker = FreePort.Next();
        return ProcessRunner.Start("dotnet",
        [
            RepositoryPaths.Output("src/Ingest", "SmartPark.Ingest.dll"),
            $"--Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--EmbeddedBroker:Port={broker}",
            $"--Ingest:Broker:Port={broker}",
            // No InfluxDB: this test is about the robot alone (telemetry would go to the spool).
            $"--Influx:Url=http://127.0.0.1:{FreePort.Next()}/",
            $"--Ingest:SpoolDirectory={Path.Combine(_data, "spool")}",
            $"--Rollups:StateDirectory={Path.Combine(_data, "rollups")}",
            $"--Notifications:WeCom:Url={robot}",
            "--Notifications:WeCom:AllowHttp=true",
            $"--Notifications:WeCom:OutboxDirectory={Outbox}",
            "--Notifications:WeCom:InitialBackoff=00:00:00.020",
            "--Notifications:WeCom:MaxBackoff=00:00:00.200",
        ]);
    }

    [Fact]
    public async Task Messages_survive_SIGKILL_of_Ingest_while_the_robot_refuses_and_arrive_once_each()
    {
        await using var robot = await WeComRobotReceiver.StartAsync();
        robot.Respond = (_, _) => -1; // system busy

        // What the engine stored before, in the outbox folder Ingest will use; nobody listens at this address.
        await using (var engine = await NotifierHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Notifications:WeCom:Url"] = WeComRobotReceiver.UrlFor(FreePort.Next()).ToString(),
                ["Notifications:WeCom:AllowHttp"] = "true",
                ["Notifications:WeCom:OutboxDirectory"] = Outbox,
            },
            (services, section) => services.AddAlertSinks(section)))
        {
            foreach (var alert in new[] { "a", "b", "c" })
                await engine.Notifier.EnqueueAsync(AlertSamples.Raised(alert) with { Alert = AlertSamples.Document(alert) with { Bureau = false } }, default);
        }

        await using (var ingest = StartIngest(robot.Url))
        {
            await Poll.UntilAsync(() => Task.FromResult(robot.Received.Count), n => n >= 9, Timeout, "Ingest to retry against the refusing robot");
            ingest.Kill();
        }
        Assert.Empty(robot.Accepted);

        robot.Respond = (_, _) => 0;
        await using var restarted = StartIngest(robot.Url);
        await Poll.UntilAsync(() => Task.FromResult(robot.Accepted.Count), n => n >= 3, Timeout, "all three messages accepted after the restart");
        Assert.Equal(3, robot.Accepted.Select(r => r.Content).Distinct().Count());
        Assert.Equal(3, robot.Accepted.Count);
        // The address is the robot's key: never in Ingest's log.
        Assert.DoesNotContain(WeComRobotReceiver.RobotKey, restarted.Output, StringComparison.Ordinal);
        Assert.Contains("WeChat Work robot delivering to", restarted.Output, StringComparison.Ordinal);
    }
}
