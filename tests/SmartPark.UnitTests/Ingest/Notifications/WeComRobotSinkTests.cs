using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.WeCom;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class WeComRobotSinkTests
{
    private const string RobotUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-unit-test-key";

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Notifications:WeCom:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddWeComRobot(configuration).BuildServiceProvider();
    }

    private static WeComRobotSink Sink(params (string Key, string? Value)[] settings)
    {
        var services = Services([("Url", RobotUrl), .. settings]);
        return services.GetRequiredService<WeComRobotSink>();
    }

    private static AlertTransition Transition(string severity = AlertSeverities.Critical, string kind = "window", string park = "baiyun-shimen", long sequence = 1) =>
        AlertSamples.Step("a1", sequence) with { Alert = AlertSamples.Document("a1") with { Severity = severity, Kind = kind, Park = park } };

    [Fact]
    public void Defaults_are_off_twenty_a_minute_and_warnings_and_above()
    {
        using var services = Services();
        var options = services.GetRequiredService<IOptions<WeComRobotOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal((20, TimeSpan.FromMinutes(1)), (options.RateLimit, options.RateWindow));
        Assert.Equal(TimeSpan.Zero, options.ReminderInterval);
        Assert.True(services.GetRequiredService<WeComRobotSink>().Routes(Transition(AlertSeverities.Warning)));
        Assert.False(services.GetRequiredService<WeComRobotSink>().Routes(Transition(AlertSeverities.Info)));
    }

    [Fact]
    public void Routes_by_severity_rule_kind_park_and_state_from_configuration()
    {
        var sink = Sink(("MinSeverity", "critical"), ("Kinds:0", "window"), ("Kinds:1", "registry"), ("Parks:0", "baiyun-shimen"), ("States:0", "active"), ("States:1", "closed"));
        Assert.True(sink.Routes(Transition()));
        Assert.False(sink.Routes(Transition(severity: AlertSeverities.Warning)));
        Assert.False(sink.Routes(Transition(kind: "threshold")));
        Assert.False(sink.Routes(Transition(park: "another-park")));
        Assert.False(sink.Routes(Transition(sequence: 2))); // acknowledged
        Assert.True(sink.Routes(Transition(sequence: 4))); // closed
        Assert.True(sink.Routes(Transition(kind: "registry")));
    }

    [Fact]
    public void The_message_is_robot_markdown_chinese_first_then_english()
    {
        var message = Sink().Render(new AlertNotice(Transition()));
        Assert.Equal(("a1:1", AlertEvents.Raised), (message.IdempotencyKey, message.Event));
        var json = JsonNode.Parse(message.Body)!;
        Assert.Equal("markdown", (string?)json["msgtype"]);
        var content = (string)json["markdown"]!["content"]!;
        var chinese = content.IndexOf("【告警】", StringComparison.Ordinal);
        var english = content.IndexOf("[Alert raised]", StringComparison.Ordinal);
        Assert.InRange(chinese, 0, english - 1);
        Assert.Contains("级别：严重", content, StringComparison.Ordinal);
        Assert.Contains("测量值：7.4 mg/m3，限值 6 mg/m3（DB44/2367-2022, Table 3）", content, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 16:00:00（北京时间）", content, StringComparison.Ordinal);
        Assert.Contains("Measured 7.4 mg/m3, limit 6 mg/m3 (DB44/2367-2022, Table 3)", content, StringComparison.Ordinal);
        Assert.Contains("At 2026-11-24 08:00:00 UTC · alert a1 #1", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_and_clearing_say_so_in_both_languages()
    {
        var sink = Sink();
        var reminder = sink.Render(new AlertNotice(Transition() with { Reminder = true }, 2));
        Assert.Equal(("a1:1:reminder-2", AlertEvents.Reminder), (reminder.IdempotencyKey, reminder.Event));
        var text = (string)JsonNode.Parse(reminder.Body)!["markdown"]!["content"]!;
        Assert.Contains("告警未确认提醒 2", text, StringComparison.Ordinal);
        Assert.Contains("Still unacknowledged, reminder 2", text, StringComparison.Ordinal);
        var cleared = (string)JsonNode.Parse(sink.Render(new AlertNotice(Transition(sequence: 3))).Body)!["markdown"]!["content"]!;
        Assert.Contains("<font color=\"info\">【告警已恢复】</font>", cleared, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_message_is_cut_to_the_robots_4096_bytes()
    {
        var transition = Transition() with { Alert = AlertSamples.Document("a1") with { Rule = string.Concat(Enumerable.Repeat("挥发性有机物", 400)) } };
        var content = (string)JsonNode.Parse(Sink().Render(new AlertNotice(transition)).Body)!["markdown"]!["content"]!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 4000, WeComMarkdown.MaxBytes);
        Assert.EndsWith("…", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "true", "warning", "has no key=")]
    [InlineData("http://127.0.0.1:9/send?key=secret-robot-key", "false", "warning", "is plain http")]
    [InlineData("qyapi.weixin.qq.com/send?key=secret-robot-key", "true", "warning", "not an absolute http(s) address")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key", "false", "urgent", "MinSeverity 'urgent' is not one of")]
    public void Misconfiguration_stops_the_start_without_showing_the_key(string url, string allowHttp, string severity, string problem)
    {
        using var services = Services(("Url", url), ("AllowHttp", allowHttp), ("MinSeverity", severity));
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeComRobotOptions>>().Value);
        Assert.Contains("WeChat Work robot misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-robot-key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_in_logs_has_no_key()
    {
        var destination = Sink().Destination;
        Assert.StartsWith("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", destination, StringComparison.Ordinal);
        Assert.DoesNotContain("693a91f6", destination, StringComparison.Ordinal);
    }
}
