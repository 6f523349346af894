using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Duty;
using SmartPark.Ingest.Notifications.Email;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class EmailSinkTests
{
    private static readonly DutyRecipient Zhang = new("baiyun-shimen", "zhang", "张工", "+8613800000001", "zhang@park.example", 0, false);
    private static readonly DutyRecipient Li = new("baiyun-shimen", "li", "李经理", "+8613800000003", "li@park.example", 2, true);

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Notifications:Email:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddEmail(configuration).BuildServiceProvider();
    }

    /// <summary>The options as bound from configuration, not validated (the validation is what is tested).</summary>
    private static EmailOptions Options(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Host"] = "smtp.park.example", ["From"] = "alarms@park.example" };
        foreach (var (key, value) in settings)
            values[key] = value;
        var options = new EmailOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
        return options;
    }

    private static EmailSink Sink() =>
        Services(("Host", "smtp.park.example"), ("From", "alarms@park.example")).GetRequiredService<EmailSink>();

    private static MimeMessage Parse(SinkMessage message) => MimeMessage.Load(new MemoryStream(message.Body));

    [Fact]
    public void Off_until_a_host_is_set_and_then_critical_alarms_to_people_over_starttls()
    {
        Assert.False(Services().GetRequiredService<IOptions<EmailOptions>>().Value.Enabled);
        var options = Options();
        Assert.True(options.Enabled);
        Assert.Null(options.Problem());
        Assert.Equal((587, SmtpSecurity.StartTls, AlertSeverities.Critical), (options.Port, options.Security, options.MinSeverity));
        var sink = Sink();
        Assert.Equal(SinkAudience.People, sink.Audience);
        Assert.True(sink.Reaches(Zhang));
        Assert.False(sink.Reaches(Zhang with { Email = null }));
        Assert.False(sink.Routes(AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Severity = AlertSeverities.Warning } }));
    }

    [Theory]
    [InlineData("From", "not an address", "Notifications:Email:From")]
    [InlineData("Security", "None", "in clear")]
    [InlineData("User", "alarms", "Password is not")]
    [InlineData("Port", "70000", "not a TCP port")]
    [InlineData("MinSeverity", "loud", "MinSeverity")]
    public void Settings_that_cannot_work_stop_the_start_with_the_reason(string key, string value, string reason)
    {
        var problem = Options((key, value)).Problem();
        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_smtp_is_allowed_to_a_loopback_server_only()
    {
        Assert.Null(Options(("Host", "127.0.0.1"), ("Security", "None")).Problem());
        Assert.Null(Options(("Host", "localhost"), ("Security", "None")).Problem());
        Assert.NotNull(Options(("Host", "10.0.0.5"), ("Security", "None")).Problem());
    }

    [Fact]
    public void The_email_is_bilingual_chinese_first_with_a_message_id_from_the_idempotency_key()
    {
        var notice = new AlertNotice(AlertSamples.Raised("a1"), Recipient: Zhang, Level: 0);
        var rendered = Sink().Render(notice);
        Assert.Equal(("a1:1:to-zhang-0", AlertEvents.Raised), (rendered.IdempotencyKey, rendered.Event));
        var mail = Parse(rendered);

        Assert.Equal("zhang@park.example", Assert.IsType<MailboxAddress>(Assert.Single(mail.To)).Address);
        Assert.Equal("alarms@park.example", Assert.IsType<MailboxAddress>(Assert.Single(mail.From)).Address);
        Assert.Equal("smartpark.a1_3A1_3Ato-zhang-0@park.example", mail.MessageId);
        Assert.Equal("a1:1:to-zhang-0", mail.Headers[EmailContent.IdempotencyHeader]);
        Assert.Equal(MessagePriority.Urgent, mail.Priority);
        Assert.StartsWith("【严重 · 告警】In-plant NMHC, 1-hour mean · baiyun-shimen | [Critical] Alert raised", mail.Subject, StringComparison.Ordinal);

        var text = mail.TextBody!;
        var chinese = text.IndexOf("测量值：7.4 mg/m3 (限值 6 mg/m3)", StringComparison.Ordinal);
        var english = text.IndexOf("Measured 7.4 mg/m3 (limit 6 mg/m3)", StringComparison.Ordinal);
        Assert.InRange(chinese, 0, english - 1);
        Assert.Contains("2026-11-24 16:00:00（北京时间）", text, StringComparison.Ordinal);
        Assert.Contains("At 2026-11-24 08:00:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("<p>测量值：7.4 mg/m3 (限值 6 mg/m3)（DB44/2367-2022, Table 3）</p>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_notice_rendered_again_keeps_its_message_id_and_different_people_or_levels_get_their_own()
    {
        var sink = Sink();
        var first = Parse(sink.Render(new AlertNotice(AlertSamples.Raised("a1"), Recipient: Zhang, Level: 0)));
        var again = Parse(sink.Render(new AlertNotice(AlertSamples.Raised("a1"), Recipient: Zhang, Level: 0)));
        var manager = Parse(sink.Render(new AlertNotice(AlertSamples.Raised("a1"), Recipient: Li, Level: 2)));
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.MessageId, manager.MessageId);
        Assert.Equal(EmailContent.MessageIdFor("a1:1:to-li-2", "alarms@park.example"), manager.MessageId);
        Assert.NotEqual(EmailContent.MessageIdFor("a:b", "x@y"), EmailContent.MessageIdFor("a_3Ab", "x@y"));
    }

    [Fact]
    public void An_escalated_email_says_nobody_acknowledged_and_that_the_reader_is_the_manager()
    {
        var mail = Parse(Sink().Render(new AlertNotice(AlertSamples.Raised("a1"), Recipient: Li, Level: 2)));
        Assert.StartsWith("【严重 · 告警升级（第 2 级）】", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("[Critical] Escalated alert (level 2)", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("无人确认，现通知您（值班链第 3 位，园区负责人）", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("(number 3 of the duty chain, the park's manager)", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_from_the_alert_is_escaped_in_the_html_part()
    {
        var hostile = AlertSamples.Raised("a1") with
        {
            Alert = AlertSamples.Document("a1") with { Rule = "<script>alert(1)</script>", Device = "d\"><img src=x onerror=alert(2)>" },
        };
        var mail = Parse(Sink().Render(new AlertNotice(hostile, Recipient: Zhang with { Name = "<b>张</b>" })));
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>张", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        // The text part carries it as it is: text is not interpreted.
        Assert.Contains("<script>alert(1)</script>", mail.TextBody, StringComparison.Ordinal);
    }
}
