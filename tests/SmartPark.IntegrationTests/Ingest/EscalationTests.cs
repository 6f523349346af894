using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Email;
using SmartPark.Ingest.Notifications.Escalation;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Registry;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Escalation of an unacknowledged critical alarm as Ingest registers it, on a fake clock, through
/// a real SMTP server and a real SMS gateway, with the duty roster of a real registry file: zhang
/// (email, SMS) at once, wang (email only) after 5 minutes, li the manager (email, SMS) after 10;
/// an acknowledgement stops it; a restart between two levels neither repeats nor skips one.
/// </summary>
public sealed class EscalationTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("escalation-").FullName;
    private readonly FakeTimeProvider _time = new(AlertSamples.RaisedAt);
    private readonly RegistryProvider _registry;

    public EscalationTests() => _registry = DutySamples.Provider(DutySamples.WriteRegistry(_directory));

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<NotifierHost> StartAsync(SmtpReceiver smtp, SmsGatewayReceiver gateway) => NotifierHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:From"] = "alarms@park.example",
            ["Notifications:Email:OutboxDirectory"] = Path.Combine(_directory, "email"),
            ["Notifications:Sms:Url"] = gateway.Url.ToString(),
            ["Notifications:Sms:AllowHttp"] = "true",
            ["Notifications:Sms:OutboxDirectory"] = Path.Combine(_directory, "sms"),
            ["Notifications:Escalation:Directory"] = Path.Combine(_directory, "escalation"),
        },
        (services, section) => services.AddSingleton(_registry).AddAlertSinks(section),
        _time);

    private static AlertTransition Raised() =>
        AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Bureau = false } };

    /// <summary>Who got mail, from the idempotency key each message carries: "zhang-0", "wang-1", …</summary>
    private static List<string> Mailed(SmtpReceiver smtp) =>
        [.. smtp.Received.Select(m => MimeMessage.Load(new MemoryStream(m.Raw)).Headers[EmailContent.IdempotencyHeader]!.Split(":to-")[1])];

    private static List<string> Texted(SmsGatewayReceiver gateway) =>
        [.. gateway.Accepted.Select(s => s.Reference!.Split(":to-")[1])];

    [Fact]
    public async Task Unacknowledged_it_reaches_the_next_on_duty_and_then_the_manager_by_every_channel_they_have()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        await using var gateway = await SmsGatewayReceiver.StartAsync();
        await using var host = await StartAsync(smtp, gateway);
        using var steps = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>(), "escalation");

        await host.Notifier.EnqueueAsync(Raised(), default);
        await Poll.UntilAsync(() => Task.FromResult((smtp.Received.Count, gateway.Accepted.Count)), n => n == (1, 1), Timeout, "zhang's email and text");

        _time.Advance(TimeSpan.FromMinutes(5));
        await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Count), n => n == 2, Timeout, "wang's email");
        _time.Advance(TimeSpan.FromMinutes(5));
        await Poll.UntilAsync(() => Task.FromResult((smtp.Received.Count, gateway.Accepted.Count)), n => n == (3, 2), Timeout, "the manager's email and text");

        Assert.Equal(["zhang-0", "wang-1", "li-2"], Mailed(smtp));
        Assert.Equal(["zhang-0", "li-2"], Texted(gateway));
        var manager = MimeMessage.Load(new MemoryStream(smtp.Received[2].Raw));
        Assert.StartsWith("【严重 · 告警升级（第 2 级）】", manager.Subject, StringComparison.Ordinal);
        Assert.Equal(["li@park.example"], smtp.Received[2].To);
        Assert.Equal(2, steps["smartpark.ingest.escalation.steps"]);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("escalated to level 2, li (the park's manager), by email, sms", StringComparison.Ordinal));

        // Nothing after the manager.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Services.GetRequiredService<Escalator>().StepDueAsync(default));
        Assert.Equal(3, smtp.Received.Count);
    }

    [Fact]
    public async Task An_acknowledgement_stops_it_before_the_manager()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        await using var gateway = await SmsGatewayReceiver.StartAsync();
        await using var host = await StartAsync(smtp, gateway);

        await host.Notifier.EnqueueAsync(Raised(), default);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Count), n => n == 2, Timeout, "wang's email");

        var acknowledged = AlertSamples.Step("a1", 2);
        await host.Notifier.EnqueueAsync(acknowledged with { At = _time.GetUtcNow(), Alert = acknowledged.Alert with { Bureau = false } }, default);
        // The first on duty hears of the acknowledgement, as of every transition.
        await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Count), n => n == 3, Timeout, "zhang's acknowledgement email");

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await host.Services.GetRequiredService<Escalator>().StepDueAsync(default));
        Assert.Equal(["zhang-0", "wang-1", "zhang-0"], Mailed(smtp));
        Assert.DoesNotContain("li-2", Texted(gateway));
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("Escalation of alert a1", StringComparison.Ordinal) && l.Message.Contains("stopped: acknowledged by zhang.wei", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_between_two_levels_neither_repeats_nor_skips_one()
    {
        await using var smtp = await SmtpReceiver.StartAsync();
        await using var gateway = await SmsGatewayReceiver.StartAsync();
        await using (var first = await StartAsync(smtp, gateway))
        {
            await first.Notifier.EnqueueAsync(Raised(), default);
            _time.Advance(TimeSpan.FromMinutes(5));
            await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Count), n => n == 2, Timeout, "wang's email");
        }

        await using var second = await StartAsync(smtp, gateway);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Poll.UntilAsync(() => Task.FromResult((smtp.Received.Count, gateway.Accepted.Count)), n => n == (3, 2), Timeout, "the manager's email and text after the restart");
        Assert.Equal(["zhang-0", "wang-1", "li-2"], Mailed(smtp));
        Assert.Equal(["zhang-0", "li-2"], Texted(gateway));
    }
}
