using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Email;
using SmartPark.Ingest.Notifications.Webhooks;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Registry;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Email and SMS to the people on duty, registered as Ingest registers every sink
/// (<c>AddAlertSinks</c>), against a real SMTP server (Debian's aiosmtpd, <see cref="SmtpReceiver"/>)
/// and a real HTTP SMS gateway (<see cref="SmsGatewayReceiver"/>), with the duty roster of a real
/// registry file (<see cref="DutySamples"/>). Waits are bounded polls, never sleeps.
/// </summary>
public sealed class PeopleNotificationTests : IDisposable
{
    private const string SmtpUser = "alarms";
    private const string SmtpPassword = "integration-only-smtp-password-7c1d";
    private const string GatewaySecret = "integration-only-sms-signing-secret-42e9";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("people-notifications-").FullName;
    private readonly RegistryProvider _registry;

    public PeopleNotificationTests() => _registry = DutySamples.Provider(DutySamples.WriteRegistry(_directory));

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static AlertTransition Raised(string alertId = "a1") =>
        AlertSamples.Raised(alertId) with { Alert = AlertSamples.Document(alertId) with { Bureau = false } };

    private Task<NotifierHost> StartAsync(int? smtpPort, Uri? sms, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Notifications:Email:OutboxDirectory"] = Path.Combine(_directory, "email"),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:From"] = "alarms@park.example",
            ["Notifications:Email:InitialBackoff"] = "00:00:00.020",
            ["Notifications:Email:MaxBackoff"] = "00:00:00.200",
            ["Notifications:Sms:OutboxDirectory"] = Path.Combine(_directory, "sms"),
            ["Notifications:Sms:AllowHttp"] = "true",
            ["Notifications:Sms:InitialBackoff"] = "00:00:00.020",
            ["Notifications:Sms:MaxBackoff"] = "00:00:00.200",
            ["Notifications:Sms:SigningSecret"] = GatewaySecret,
            ["Notifications:Sms:SuccessField"] = "result.code",
            ["Notifications:Sms:SuccessValue"] = "0",
            ["Notifications:Escalation:Directory"] = Path.Combine(_directory, "escalation"),
            // The samples were raised long ago on the real clock, so an escalation would be due at once and tell
            // the next on duty too: these tests are about one message to the first; EscalationTests does the chain.
            ["Notifications:Escalation:After:critical"] = "00:00:00",
        };
        if (smtpPort is { } port)
        {
            configuration["Notifications:Email:Host"] = "127.0.0.1";
            configuration["Notifications:Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (sms is not null)
            configuration["Notifications:Sms:Url"] = sms.ToString();
        foreach (var (key, value) in settings)
            configuration[key] = value;
        return NotifierHost.StartAsync(configuration, (services, section) => services.AddSingleton(_registry).AddAlertSinks(section));
    }

    private static MimeMessage Parse(ReceivedMail mail) => MimeMessage.Load(new MemoryStream(mail.Raw));

    [Fact]
    public async Task An_alarm_reaches_the_first_on_duty_by_email_after_a_login_and_the_password_is_never_logged()
    {
        await using var smtp = await SmtpReceiver.StartAsync(new SmtpReceiverOptions { User = SmtpUser, Password = SmtpPassword });
        await using var host = await StartAsync(smtp.Port, null, ("Notifications:Email:User", SmtpUser), ("Notifications:Email:Password", SmtpPassword));

        await host.Notifier.EnqueueAsync(Raised(), default);
        var mail = (await Poll.UntilAsync(() => Task.FromResult(smtp.Received), r => r.Count == 1, Timeout, "the email")).Single();

        Assert.Equal((SmtpUser, "alarms@park.example"), (mail.Login, mail.From));
        Assert.Equal(["zhang@park.example"], mail.To);
        var message = Parse(mail);
        Assert.StartsWith("【严重 · 告警】In-plant NMHC, 1-hour mean", message.Subject, StringComparison.Ordinal);
        Assert.Equal(EmailContent.MessageIdFor("a1:1:to-zhang-0", "alarms@park.example"), message.MessageId);
        Assert.Contains("测量值：7.4 mg/m3", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(SmtpPassword, StringComparison.Ordinal));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["email-smtp"].Status);
    }

    [Fact]
    public async Task An_unknown_mailbox_is_a_permanent_refusal_logged_as_an_error_and_a_busy_server_a_temporary_one()
    {
        await using var smtp = await SmtpReceiver.StartAsync(new SmtpReceiverOptions { Reject = ["zhang@park.example"] });
        await using var host = await StartAsync(smtp.Port, null);
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>(), EmailSink.Name);

        await host.Notifier.EnqueueAsync(Raised(), default);
        await Poll.UntilAsync(() => Task.FromResult(metrics["smartpark.ingest.email.failures[SMTP 550 recipient refused]"]), n => n >= 1, Timeout, "the 550 to be counted");
        Assert.Empty(smtp.Received);
        var error = host.Logs.Lines.First(l => l.Level == LogLevel.Error);
        Assert.Contains("SMTP 550 recipient refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("duty roster's email addresses", error.Message, StringComparison.Ordinal);

        await using var busy = await SmtpReceiver.StartAsync(new SmtpReceiverOptions { TemporaryFailures = 2 });
        await using var second = await StartAsync(busy.Port, null, ("Notifications:Email:OutboxDirectory", Path.Combine(_directory, "email-busy")));
        using var counts = new SinkMetricCounts(second.Services.GetRequiredService<IMeterFactory>(), EmailSink.Name);
        await second.Notifier.EnqueueAsync(Raised("b1"), default);
        await Poll.UntilAsync(() => Task.FromResult(busy.Received.Count), n => n == 1, Timeout, "the email after two 451s");
        Assert.Equal(2, counts["smartpark.ingest.email.failures[SMTP 451 message refused]"]);
        Assert.DoesNotContain(second.Logs.Lines, l => l.Level == LogLevel.Error);
    }

    [Fact]
    public async Task An_email_stored_while_the_server_is_down_arrives_once_when_it_is_up()
    {
        var port = FreePort.Next();
        await using var host = await StartAsync(port, null);
        await host.Notifier.EnqueueAsync(Raised(), default);
        var outbox = host.Services.GetRequiredService<AlertSinks>()[EmailSink.Name].Outbox;
        await Poll.UntilAsync(() => outbox.HeadsAsync(10, default), heads => heads.Count == 1 && heads[0].Attempts >= 2, Timeout, "two failed attempts");

        await using var smtp = await SmtpReceiver.StartAsync(port: port);
        await Poll.UntilAsync(() => Task.FromResult(outbox.Depth), d => d == 0, Timeout, "the outbox to empty");
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_text_message_reaches_the_first_on_duty_signed_and_a_gateway_refusal_in_its_json_is_retried()
    {
        await using var gateway = await SmsGatewayReceiver.StartAsync();
        gateway.Respond = (_, seen) => seen == 0 ? 17 : 0;
        await using var host = await StartAsync(null, gateway.Url);

        await host.Notifier.EnqueueAsync(Raised(), default);
        await Poll.UntilAsync(() => Task.FromResult(gateway.Accepted.Count), n => n == 1, Timeout, "the text message");

        Assert.Equal([17, 0], gateway.Received.Select(r => r.Code));
        var sms = gateway.Accepted[0];
        Assert.Equal(("+8613800000001", "a1:1:to-zhang-0", "a1:1:to-zhang-0"), (sms.Phone, sms.Reference, sms.IdempotencyKey));
        Assert.StartsWith("【园区严重告警】baiyun-shimen / e07", sms.Text, StringComparison.Ordinal);
        Assert.InRange(sms.Text!.Length, 1, 134);
        Assert.True(WebhookSignature.Verify(GatewaySecret, sms.Timestamp!, sms.Body, sms.Signature));
        Assert.Single(gateway.Received.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        var error = Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains("result.code = 17", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(GatewaySecret, StringComparison.Ordinal));
    }
}
