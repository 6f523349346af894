using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.WeCom;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The WeChat Work robot sink, registered as Ingest registers every sink (<c>AddAlertSinks</c>),
/// against a real HTTP robot on loopback that answers with errcodes like the real one. Waits are
/// bounded polls, never sleeps.
/// </summary>
public sealed class WeComRobotTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _outbox = Path.Combine(Directory.CreateTempSubdirectory("wecom-robot-").FullName, "outbox");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_outbox)!, recursive: true);

    private Task<NotifierHost> StartAsync(Uri robot, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Notifications:WeCom:Url"] = robot.ToString(),
            ["Notifications:WeCom:AllowHttp"] = "true",
            ["Notifications:WeCom:OutboxDirectory"] = _outbox,
            ["Notifications:WeCom:InitialBackoff"] = "00:00:00.020",
            ["Notifications:WeCom:MaxBackoff"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings)
            configuration[key] = value;
        return NotifierHost.StartAsync(configuration, (services, section) => services.AddAlertSinks(section));
    }

    private static SinkOutbox Outbox(NotifierHost host) => host.Services.GetRequiredService<AlertSinks>()[WeComRobotSink.Name].Outbox;

    private static AlertTransition Local(string alertId, long sequence = 1) =>
        AlertSamples.Step(alertId, sequence) with { Alert = AlertSamples.Step(alertId, sequence).Alert with { Bureau = false } };

    [Fact]
    public async Task A_raised_alert_reaches_the_group_once_as_bilingual_markdown_and_the_key_is_never_logged()
    {
        await using var robot = await WeComRobotReceiver.StartAsync();
        await using var host = await StartAsync(robot.Url);

        await host.Notifier.EnqueueAsync(Local("a1"), default);
        await Poll.UntilAsync(() => Task.FromResult(Outbox(host).Depth), d => d == 0, Timeout, "the message to leave the outbox");

        var message = Assert.Single(robot.Received);
        Assert.Equal((0, "markdown", WeComRobotReceiver.RobotKey), (message.ErrorCode, message.MessageType, message.Key));
        Assert.StartsWith("**<font color=\"warning\">【告警】</font>In-plant NMHC, 1-hour mean**", message.Content, StringComparison.Ordinal);
        Assert.Contains("[Alert raised] In-plant NMHC, 1-hour mean", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(WeComRobotReceiver.RobotKey, StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("WeChat Work robot delivering to http://127.0.0.1:", StringComparison.Ordinal));
        // The bureau is not configured here: off, and said so once.
        Assert.Single(host.Logs.Lines, l => l.Message.Contains("Bureau webhook disabled", StringComparison.Ordinal));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal((HealthStatus.Healthy, HealthStatus.Healthy), (health.Entries["wecom-robot"].Status, health.Entries["bureau-webhook"].Status));
    }

    [Fact]
    public async Task A_non_zero_errcode_is_a_failure_retried_with_the_same_message_until_accepted()
    {
        await using var robot = await WeComRobotReceiver.StartAsync();
        robot.Respond = (_, seen) => seen switch { 0 => -1, 1 => 45009, 2 => 93000, _ => 0 };
        await using var host = await StartAsync(robot.Url);
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>(), WeComRobotSink.Name);

        await host.Notifier.EnqueueAsync(Local("a1"), default);
        await Poll.UntilAsync(() => Task.FromResult(metrics["smartpark.ingest.wecom.delivered"]), n => n == 1, Timeout, "the delivery to be counted");

        Assert.Equal([-1, 45009, 93000, 0], robot.Received.Select(r => r.ErrorCode));
        Assert.Single(robot.Received.Select(r => r.Content).Distinct());
        Assert.Equal(3, metrics["smartpark.ingest.wecom.failures"]);
        Assert.Equal(1, metrics["smartpark.ingest.wecom.failures[errcode 45009 (api freq out of limit)]"]);
        // Only the answer retrying will not fix (a removed robot) is an error, without the hint or the key.
        var error = Assert.Single(host.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("errcode 93000 (invalid webhook url)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WeComRobotReceiver.RobotKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, metrics.Depth());
    }

    [Fact]
    public async Task Messages_stored_while_the_robot_is_down_arrive_once_each_after_a_restart()
    {
        var port = FreePort.Next();
        await using (var first = await StartAsync(WeComRobotReceiver.UrlFor(port)))
        {
            foreach (var alert in new[] { "a", "b", "c" })
                await first.Notifier.EnqueueAsync(Local(alert), default);
            await Poll.UntilAsync(() => Outbox(first).HeadsAsync(10, default), heads => heads.Count == 3 && heads.All(h => h.Attempts >= 1), Timeout, "every message to fail once");
        }

        await using var robot = await WeComRobotReceiver.StartAsync(port);
        await using var second = await StartAsync(robot.Url);
        await Poll.UntilAsync(() => Task.FromResult(Outbox(second).Depth), d => d == 0, Timeout, "the outbox to empty after the restart");

        Assert.Equal(3, robot.Received.Count);
        Assert.Equal(["a", "b", "c"], robot.Accepted.Select(r => r.Content!.Split("· alert ")[1].Split(' ')[0]).Order());
        Assert.Contains(second.Logs.Lines, l => l.Message.Contains("3 notifications waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_storm_of_alarms_is_sent_no_faster_than_the_rate_limit()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var robot = await WeComRobotReceiver.StartAsync();
        await using var host = await StartAsync(robot.Url, ("Notifications:WeCom:RateLimit", "3"), ("Notifications:WeCom:RateWindow", "00:00:02"));
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>(), WeComRobotSink.Name);

        for (var i = 1; i <= 7; i++)
            await host.Notifier.EnqueueAsync(Local($"storm{i}"), default);
        await Poll.UntilAsync(() => Task.FromResult(robot.Accepted.Count), n => n == 7, Timeout, "all seven messages");

        var arrivals = robot.Received.Select(r => r.At).ToList();
        Assert.Equal(7, arrivals.Count);
        // Any 4 consecutive sends span at least the window (less a little for the network's jitter).
        var slack = TimeSpan.FromMilliseconds(150);
        for (var i = 0; i + 3 < arrivals.Count; i++)
            Assert.True(arrivals[i + 3] - arrivals[i] >= window - slack, $"sends {i} and {i + 3} {arrivals[i + 3] - arrivals[i]} apart");
        Assert.True(metrics["smartpark.ingest.wecom.rate_limited"] >= 2);
    }
}
