using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.DingTalk;
using SmartPark.Ingest.Notifications.Feishu;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The DingTalk and Feishu robot sinks, registered as Ingest registers every sink (<c>AddAlertSinks</c>),
/// against real HTTP robots on loopback that check the signature with their own code and refuse a
/// bad or stale one. Waits are bounded polls, never sleeps.
/// </summary>
public sealed class ChatRobotTests : IDisposable
{
    private const string DingTalkSecret = "SECintegration-test-dingtalk-secret-41f0";
    private const string FeishuSecret = "integration-test-feishu-secret-b7e2";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _outbox = Path.Combine(Directory.CreateTempSubdirectory("chat-robot-").FullName, "outbox");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_outbox)!, recursive: true);

    private static string Section(ChatRobot robot) => robot == ChatRobot.DingTalk ? DingTalkRobotOptions.SectionName : FeishuRobotOptions.SectionName;

    private static string SinkName(ChatRobot robot) => robot == ChatRobot.DingTalk ? DingTalkRobotSink.Name : FeishuRobotSink.Name;

    private static string Secret(ChatRobot robot) => robot == ChatRobot.DingTalk ? DingTalkSecret : FeishuSecret;

    private Task<NotifierHost> StartAsync(ChatRobot robot, Uri url, string secret)
    {
        var section = Section(robot);
        var configuration = new Dictionary<string, string?>
        {
            [$"{section}:Url"] = url.ToString(),
            [$"{section}:Secret"] = secret,
            [$"{section}:AllowHttp"] = "true",
            [$"{section}:OutboxDirectory"] = _outbox,
            [$"{section}:InitialBackoff"] = "00:00:00.020",
            [$"{section}:MaxBackoff"] = "00:00:00.200",
        };
        return NotifierHost.StartAsync(configuration, (services, c) => services.AddAlertSinks(c));
    }

    private static SinkOutbox Outbox(NotifierHost host, ChatRobot robot) => host.Services.GetRequiredService<AlertSinks>()[SinkName(robot)].Outbox;

    private static AlertTransition Local(string alertId, long sequence = 1) =>
        AlertSamples.Step(alertId, sequence) with { Alert = AlertSamples.Step(alertId, sequence).Alert with { Bureau = false } };

    [Theory]
    [InlineData(ChatRobot.DingTalk)]
    [InlineData(ChatRobot.Feishu)]
    public async Task A_raised_alert_reaches_the_group_once_signed_and_neither_token_nor_secret_is_logged(ChatRobot robot)
    {
        await using var receiver = await ChatRobotReceiver.StartAsync(robot, Secret(robot));
        await using var host = await StartAsync(robot, receiver.Url, Secret(robot));

        await host.Notifier.EnqueueAsync(Local("a1"), default);
        await Poll.UntilAsync(() => Task.FromResult(Outbox(host, robot).Depth), d => d == 0, Timeout, "the message to leave the outbox");

        var message = Assert.Single(receiver.Received);
        Assert.Equal((0, "a1", 1L), (message.Code, message.AlertId, message.Sequence));
        Assert.Contains("In-plant NMHC, 1-hour mean", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(ChatRobotReceiver.Token, StringComparison.Ordinal) || l.Message.Contains(Secret(robot), StringComparison.Ordinal));
        var title = robot == ChatRobot.DingTalk ? "DingTalk robot" : "Feishu robot";
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains($"{title} delivering to http://127.0.0.1:", StringComparison.Ordinal) && l.Message.Contains("signed", StringComparison.Ordinal));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries[robot == ChatRobot.DingTalk ? "dingtalk-robot" : "feishu-robot"].Status);
    }

    [Theory]
    [InlineData(ChatRobot.DingTalk, "errcode 310000 (description:机器人发送签名不匹配)")]
    [InlineData(ChatRobot.Feishu, "code 19021 (sign match fail or timestamp is not within one hour from current time)")]
    public async Task A_wrong_secret_is_refused_by_the_robot_kept_and_retried_as_a_misconfiguration(ChatRobot robot, string reason)
    {
        await using var receiver = await ChatRobotReceiver.StartAsync(robot, Secret(robot));
        var wrong = robot == ChatRobot.DingTalk ? "SECnot-the-robots-secret-0000" : "not-the-robots-secret-0000";
        await using var host = await StartAsync(robot, receiver.Url, wrong);

        await host.Notifier.EnqueueAsync(Local("a1"), default);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 3, Timeout, "three refused attempts");

        Assert.Empty(receiver.Accepted);
        Assert.Equal(1, Outbox(host, robot).Depth);
        await Poll.UntilAsync(() => Task.FromResult(host.Logs.Lines.Any(l => l.Level == LogLevel.Error && l.Message.Contains(reason, StringComparison.Ordinal))), Timeout, "the refusal logged as an error");
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(wrong, StringComparison.Ordinal) || l.Message.Contains(ChatRobotReceiver.Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ChatRobot.DingTalk)]
    [InlineData(ChatRobot.Feishu)]
    public async Task The_test_robot_itself_refuses_stale_and_forged_signatures_and_takes_a_fresh_one(ChatRobot robot)
    {
        await using var receiver = await ChatRobotReceiver.StartAsync(robot, Secret(robot));
        using var client = new HttpClient();
        var now = DateTimeOffset.UtcNow;

        async Task<int> PostAsync(DateTimeOffset at, string secret)
        {
            var text = $"probe at {at:O} · alert probe #1";
            if (robot == ChatRobot.DingTalk)
            {
                var url = DingTalkSignature.SignedUrl(receiver.Url, secret, at.ToUnixTimeMilliseconds());
                using var answer = await client.PostAsJsonAsync(url, new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = "probe", ["text"] = text } });
                return (int)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["errcode"]!;
            }
            var seconds = at.ToUnixTimeSeconds();
            var body = new JsonObject
            {
                ["timestamp"] = seconds.ToString(CultureInfo.InvariantCulture),
                ["sign"] = FeishuSignature.Sign(secret, seconds),
                ["msg_type"] = "interactive",
                ["card"] = new JsonObject { ["elements"] = new JsonArray(new JsonObject(), new JsonObject(), new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) },
            };
            using var reply = await client.PostAsJsonAsync(receiver.Url, body);
            return (int)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["code"]!;
        }

        var refused = robot == ChatRobot.DingTalk ? 310000 : 19021;
        var other = robot == ChatRobot.DingTalk ? "SECsomebody-else" : "somebody-else";
        Assert.Equal(refused, await PostAsync(now.AddMinutes(-61), Secret(robot)));
        Assert.Equal(refused, await PostAsync(now.AddMinutes(61), Secret(robot)));
        Assert.Equal(refused, await PostAsync(now, other));
        Assert.Equal(0, await PostAsync(now, Secret(robot)));
    }
}
