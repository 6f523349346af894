using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Feishu;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class FeishuRobotSinkTests
{
    private const string RobotUrl = "https://open.feishu.cn/open-apis/bot/v2/hook/2f7c-unit-test-hook";
    private const string Secret = "unit-test-feishu-secret";

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Notifications:Feishu:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddAlertSinks(configuration).BuildServiceProvider();
    }

    private static FeishuRobotSink Sink(params (string Key, string? Value)[] settings) =>
        Services([("Url", RobotUrl), ("Secret", Secret), .. settings]).GetRequiredService<FeishuRobotSink>();

    private static AlertTransition Transition(string severity = AlertSeverities.Critical, long sequence = 1) =>
        AlertSamples.Step("a1", sequence) with { Alert = AlertSamples.Step("a1", sequence).Alert with { Severity = severity } };

    [Fact]
    public async Task Defaults_are_off_and_five_in_three_seconds_which_keeps_both_of_feishus_limits()
    {
        await using var services = Services();
        var options = services.GetRequiredService<IOptions<FeishuRobotOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal((5, TimeSpan.FromSeconds(3)), (options.RateLimit, options.RateWindow));
        // At most 5 in any second, and at most 100 in any minute.
        Assert.True(options.RateLimit <= 5 && options.RateWindow >= TimeSpan.FromSeconds(1));
        Assert.True(options.RateLimit * Math.Ceiling(TimeSpan.FromMinutes(1) / options.RateWindow) <= 100);
        Assert.Contains(services.GetRequiredService<AlertSinks>().All, c => c.Name == "feishu" && c.HealthCheckName == "feishu-robot");
    }

    [Fact]
    public void Routes_by_hours_of_the_day_in_china_time()
    {
        var sink = Sink(("Hours", "18:00-08:00"));
        // 08:00 UTC is 16:00 in Beijing: not in the night window; 12:00 UTC is 20:00.
        Assert.False(sink.Routes(Transition()));
        Assert.True(sink.Routes(Transition() with { At = AlertSamples.RaisedAt.AddHours(4) }));
    }

    [Fact]
    public void The_message_is_a_card_coloured_by_urgency_chinese_first_then_english_as_plain_text()
    {
        var message = Sink().Render(new AlertNotice(Transition()));
        Assert.Equal(("a1:1", AlertEvents.Raised), (message.IdempotencyKey, message.Event));
        var json = JsonNode.Parse(message.Body)!;
        Assert.Equal("interactive", (string?)json["msg_type"]);
        Assert.Null(json["sign"]); // signed at each attempt, not when stored
        var card = json["card"]!;
        Assert.Equal(("red", "【告警】In-plant NMHC, 1-hour mean"), ((string?)card["header"]!["template"], (string?)card["header"]!["title"]!["content"]));
        var elements = card["elements"]!.AsArray();
        Assert.Equal(["div", "hr", "div"], elements.Select(e => (string?)e!["tag"]));
        Assert.All(new[] { elements[0]!, elements[2]! }, e => Assert.Equal("plain_text", (string?)e["text"]!["tag"]));
        Assert.StartsWith("级别：严重\n园区：baiyun-shimen", (string?)elements[0]!["text"]!["content"], StringComparison.Ordinal);
        Assert.StartsWith("[Alert raised] In-plant NMHC, 1-hour mean (critical)\nPark baiyun-shimen", (string?)elements[2]!["text"]!["content"], StringComparison.Ordinal);
        Assert.EndsWith("alert a1 #1", (string?)elements[2]!["text"]!["content"], StringComparison.Ordinal);

        var warning = JsonNode.Parse(Sink().Render(new AlertNotice(Transition(AlertSeverities.Warning, 2))).Body)!["card"]!["header"]!;
        Assert.Equal(("orange", "【告警已确认】In-plant NMHC, 1-hour mean"), ((string?)warning["template"], (string?)warning["title"]!["content"]));
        Assert.Equal("green", (string?)JsonNode.Parse(Sink().Render(new AlertNotice(Transition(sequence: 4))).Body)!["card"]!["header"]!["template"]);
    }

    [Theory]
    [InlineData("""{"code":0,"msg":"success","data":{}}""", true, false)]
    [InlineData("""{"Extra":null,"StatusCode":0,"StatusMessage":"success"}""", true, false)]
    [InlineData("""{"code":11232,"msg":"frequency limited psm[lark.oapi.app_platform_runtime]appID[1]"}""", false, false)]
    [InlineData("""{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour from current time"}""", false, true)]
    [InlineData("""{"code":19024,"data":{},"msg":"Key Words Not Found"}""", false, true)]
    [InlineData("""{"unexpected":true}""", false, false)]
    public void Answers_are_judged_by_code(string answer, bool delivered, bool misconfigured)
    {
        using var json = JsonDocument.Parse(answer);
        var result = FeishuRobotSender.Judge(200, json.RootElement);
        Assert.Equal((delivered, misconfigured), (result.Delivered, result.Misconfigured));
    }

    [Theory]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/", "false", "is not a robot hook")]
    [InlineData("https://open.feishu.cn/open-apis/im/v1/messages", "false", "is not a robot hook")]
    [InlineData("http://127.0.0.1:9/open-apis/bot/v2/hook/secret-hook-token", "false", "is plain http")]
    public void Misconfiguration_stops_the_start_without_showing_the_token(string url, string allowHttp, string problem)
    {
        using var services = Services(("Url", url), ("AllowHttp", allowHttp));
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FeishuRobotOptions>>().Value);
        Assert.Contains("Feishu robot misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-hook-token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_in_logs_has_no_token()
    {
        Assert.Equal("https://open.feishu.cn/open-apis/bot/v2/hook/… (token not shown, signed)", Sink().Destination);
    }
}
