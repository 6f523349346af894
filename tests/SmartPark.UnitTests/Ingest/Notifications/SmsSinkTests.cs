using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Duty;
using SmartPark.Ingest.Notifications.Sms;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class SmsSinkTests
{
    private static readonly DutyRecipient Zhang = new("baiyun-shimen", "zhang", "张工", "+8613800000001", "zhang@park.example", 0, false);

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Notifications:Sms:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddSms(configuration).BuildServiceProvider();
    }

    /// <summary>The options as bound from configuration, not validated (the validation is what is tested).</summary>
    private static SmsOptions Options(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Url"] = "https://sms.gateway.example/send" };
        foreach (var (key, value) in settings)
            values[key] = value;
        var options = new SmsOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
        return options;
    }

    private static SmsSink Sink(params (string Key, string? Value)[] settings) =>
        Services([("Url", "https://sms.gateway.example/send"), .. settings]).GetRequiredService<SmsSink>();

    [Fact]
    public void Off_until_a_url_is_set_and_then_critical_alarms_to_people_with_a_phone()
    {
        Assert.False(Services().GetRequiredService<IOptions<SmsOptions>>().Value.Enabled);
        Assert.Null(Options().Problem());
        var sink = Sink();
        Assert.Equal(SinkAudience.People, sink.Audience);
        Assert.True(sink.Reaches(Zhang));
        Assert.False(sink.Reaches(Zhang with { Phone = null }));
        Assert.True(sink.Routes(AlertSamples.Raised("a1")));
        Assert.False(sink.Routes(AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Severity = AlertSeverities.Warning } }));
    }

    [Theory]
    [InlineData("Url", "http://sms.gateway.example/send", "plain http")]
    [InlineData("BodyTemplate", "{\"to\":\"{phone}\"}", "must contain")]
    [InlineData("BodyTemplate", "{\"to\":{phone},\"text\":\"{text}\"}", "not JSON")]
    [InlineData("AuthHeader", "Authorization", "go together")]
    [InlineData("SuccessField", "code", "go together")]
    [InlineData("MaxSegments", "0", "MaxSegments")]
    public void Settings_that_cannot_work_stop_the_start_with_the_reason(string key, string value, string reason)
    {
        var problem = Options((key, value)).Problem();
        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_is_the_template_filled_with_json_escaped_phone_text_and_key()
    {
        var hostile = AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Device = "quote\"and\\backslash" } };
        var message = Sink(("BodyTemplate", "{\"mobile\":\"{phone}\",\"content\":\"{text}\",\"sign\":\"园区\",\"ref\":\"{key}\"}"))
            .Render(new AlertNotice(hostile, Recipient: Zhang));
        var json = JsonNode.Parse(message.Body)!;
        Assert.Equal("+8613800000001", (string?)json["mobile"]);
        Assert.Equal("园区", (string?)json["sign"]);
        Assert.Equal("a1:1:to-zhang-0", (string?)json["ref"]);
        Assert.Contains("quote\"and\\backslash", (string?)json["content"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_says_what_where_and_which_rule_chinese_first_within_two_segments()
    {
        var text = SmsText.Render(new AlertNotice(AlertSamples.Raised("a1"), Recipient: Zhang), 2);
        Assert.StartsWith("【园区严重告警】baiyun-shimen / e07 / by-e07-edge1/voc-1 规则inplant-nmhc-1h 7.4 mg/m3 (限 6 mg/m3) 16:00。", text, StringComparison.Ordinal);
        Assert.Contains("Critical alert raised: In-plant NMHC", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 1, SmsText.Budget(2));
        Assert.Equal(134, SmsText.Budget(2));
        Assert.Equal(70, SmsText.Budget(1));
    }

    [Fact]
    public void A_long_text_is_cut_at_the_budget_and_an_escalation_asks_to_act()
    {
        var longRule = AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Rule = new string('x', 300) } };
        var text = SmsText.Render(new AlertNotice(longRule, Recipient: Zhang, Level: 1), 2);
        Assert.Equal(134, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Contains("告警升级（第 1 级）", text, StringComparison.Ordinal);
        Assert.Contains("无人确认，请速处置。", text, StringComparison.Ordinal);
        // A surrogate pair is never cut in half.
        Assert.Equal("ab…", SmsText.Cut("ab😀cd", 4));
    }
}
