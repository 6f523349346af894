using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.DingTalk;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class DingTalkRobotSinkTests
{
    private const string RobotUrl = "https://oapi.dingtalk.com/robot/send?access_token=5e1f-unit-test-token";
    private const string Secret = "SECunit-test-dingtalk-secret-9c1d";

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Notifications:DingTalk:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddAlertSinks(configuration).BuildServiceProvider();
    }

    private static DingTalkRobotSink Sink(params (string Key, string? Value)[] settings) =>
        Services([("Url", RobotUrl), ("Secret", Secret), .. settings]).GetRequiredService<DingTalkRobotSink>();

    private static AlertTransition Transition(string severity = AlertSeverities.Critical, bool safety = false, long sequence = 1) =>
        AlertSamples.Step("a1", sequence) with { Alert = AlertSamples.Document("a1") with { Severity = severity, Safety = safety } };

    [Fact]
    public async Task Defaults_are_off_twenty_a_minute_and_warnings_and_above()
    {
        await using var services = Services();
        var options = services.GetRequiredService<IOptions<DingTalkRobotOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal((20, TimeSpan.FromMinutes(1)), (options.RateLimit, options.RateWindow));
        Assert.Equal(Path.Combine("data", "dingtalk"), options.OutboxDirectory);
        Assert.Contains(services.GetRequiredService<AlertSinks>().All, c => c.Name == "dingtalk" && c.HealthCheckName == "dingtalk-robot");
        Assert.True(Sink().Routes(Transition(AlertSeverities.Warning)));
        Assert.False(Sink().Routes(Transition(AlertSeverities.Info)));
    }

    [Fact]
    public void Routes_with_the_shared_predicate_safety_only_and_states()
    {
        var sink = Sink(("SafetyOnly", "true"), ("States:0", "active"));
        Assert.True(sink.Routes(Transition(safety: true)));
        Assert.False(sink.Routes(Transition(safety: false)));
        Assert.False(sink.Routes(Transition(safety: true, sequence: 2) with { Alert = AlertSamples.Document("a1") with { Safety = true } }));
    }

    [Fact]
    public void The_message_is_dingtalk_markdown_with_a_title_chinese_first_then_english()
    {
        var message = Sink().Render(new AlertNotice(Transition()));
        Assert.Equal(("a1:1", AlertEvents.Raised), (message.IdempotencyKey, message.Event));
        var json = JsonNode.Parse(message.Body)!;
        Assert.Equal("markdown", (string?)json["msgtype"]);
        Assert.Equal("【告警】In-plant NMHC, 1-hour mean", (string?)json["markdown"]!["title"]);
        var text = (string)json["markdown"]!["text"]!;
        Assert.StartsWith("### 🔴 【告警】In-plant NMHC, 1-hour mean\n\n> 级别：严重  \n> 园区：baiyun-shimen", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("时间：2026-11-24 16:00:00（北京时间）", StringComparison.Ordinal) < text.IndexOf("**[Alert raised] In-plant NMHC, 1-hour mean** (critical)", StringComparison.Ordinal));
        Assert.EndsWith("> At 2026-11-24 08:00:00 UTC · alert a1 #1", text, StringComparison.Ordinal);
        var cleared = (string)JsonNode.Parse(Sink().Render(new AlertNotice(Transition(sequence: 3))).Body)!["markdown"]!["text"]!;
        Assert.StartsWith("### 🟢 【告警已恢复】", cleared, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"errcode":0,"errmsg":"ok"}""", true, false, null)]
    [InlineData("""{"errcode":-1,"errmsg":"系统繁忙"}""", false, false, null)]
    [InlineData("""{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}""", false, false, 600.0)]
    [InlineData("""{"errcode":310000,"errmsg":"description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中"}""", false, true, null)]
    [InlineData("""{"errcode":300001,"errmsg":"token is not exist"}""", false, true, null)]
    public void Answers_are_judged_by_errcode(string answer, bool delivered, bool misconfigured, double? retryAfterSeconds)
    {
        using var json = JsonDocument.Parse(answer);
        var result = DingTalkRobotSender.Judge(200, json.RootElement);
        Assert.Equal((delivered, misconfigured), (result.Delivered, result.Misconfigured));
        Assert.Equal(retryAfterSeconds, result.RetryAfter?.TotalSeconds);
        if (!delivered)
            Assert.DoesNotContain("solution", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send", Secret, "false", "has no access_token=")]
    [InlineData("http://127.0.0.1:9/robot/send?access_token=secret-robot-token", Secret, "false", "is plain http")]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=secret-robot-token", "secret-robot-sign-key", "false", "does not start with SEC")]
    [InlineData("oapi.dingtalk.com/robot/send?access_token=secret-robot-token", Secret, "true", "not an absolute http(s) address")]
    public void Misconfiguration_stops_the_start_without_showing_the_token_or_secret(string url, string secret, string allowHttp, string problem)
    {
        using var services = Services(("Url", url), ("Secret", secret), ("AllowHttp", allowHttp));
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DingTalkRobotOptions>>().Value);
        Assert.Contains("DingTalk robot misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-robot", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_in_logs_has_no_token()
    {
        var destination = Sink().Destination;
        Assert.Equal("https://oapi.dingtalk.com/robot/send (access token not shown, signed)", destination);
    }
}
