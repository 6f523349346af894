using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;
using SmartPark.Ingest.Notifications.WeCom;

namespace SmartPark.UnitTests.Ingest.Notifications;

/// <summary>The notifier the engine calls, with Ingest's whole list of sinks (<c>AddAlertSinks</c>)
/// configured: each transition lands in the outbox of exactly the sinks whose predicate takes it.
/// Nothing is sent here (the hosted services are not started).</summary>
public sealed class AlertNotifierTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alert-notifier-").FullName;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bureau:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["Bureau:Webhook:Secret"] = "notifier-tests-only-webhook-secret-0123456789",
            ["Bureau:Webhook:AllowHttp"] = "true",
            ["Bureau:Webhook:OutboxDirectory"] = Path.Combine(_directory, "bureau"),
            ["Notifications:WeCom:Url"] = "http://127.0.0.1:9/cgi-bin/webhook/send?key=unit-test-key",
            ["Notifications:WeCom:AllowHttp"] = "true",
            ["Notifications:WeCom:OutboxDirectory"] = Path.Combine(_directory, "wecom"),
            ["Notifications:WeCom:MinSeverity"] = "warning",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddAlertSinks(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private IAlertNotifier Notifier => _services.GetRequiredService<IAlertNotifier>();
    private long Depth(string sink) => _services.GetRequiredService<AlertSinks>()[sink].Outbox.Depth;

    private static AlertTransition Raised(string alertId, bool bureau, string severity) =>
        AlertSamples.Raised(alertId) with { Alert = AlertSamples.Document(alertId) with { Bureau = bureau, Severity = severity } };

    [Fact]
    public void Ingest_registers_the_bureau_webhook_and_the_wechat_work_robot_in_that_order()
    {
        var sinks = _services.GetRequiredService<AlertSinks>().All;
        Assert.Equal([BureauWebhookSink.Name, WeComRobotSink.Name], sinks.Take(2).Select(s => s.Name));
        Assert.Equal(["bureau-webhook", "wecom-robot"], sinks.Take(2).Select(s => s.HealthCheckName));
        // The rest (email, SMS, …) are off until configured.
        Assert.Equal([BureauWebhookSink.Name, WeComRobotSink.Name], sinks.Where(s => s.Enabled).Select(s => s.Name));
        Assert.Contains(sinks, s => (s.Name, s.HealthCheckName) == ("email", "email-smtp"));
        Assert.Contains(sinks, s => (s.Name, s.HealthCheckName) == ("sms", "sms-gateway"));
    }

    [Fact]
    public async Task Each_transition_goes_to_the_sinks_that_route_it_and_only_once()
    {
        await Notifier.EnqueueAsync(Raised("both", bureau: true, AlertSeverities.Critical), default);
        Assert.Equal((1L, 1L), (Depth("bureau"), Depth("wecom")));

        await Notifier.EnqueueAsync(Raised("local", bureau: false, AlertSeverities.Warning), default);
        Assert.Equal((1L, 2L), (Depth("bureau"), Depth("wecom")));

        await Notifier.EnqueueAsync(Raised("quiet", bureau: true, AlertSeverities.Info), default);
        Assert.Equal((2L, 2L), (Depth("bureau"), Depth("wecom")));

        await Notifier.EnqueueAsync(Raised("nobody", bureau: false, AlertSeverities.Info), default);
        // A repeat after a failed call (the engine retries the whole transition) stores nothing twice.
        await Notifier.EnqueueAsync(Raised("both", bureau: true, AlertSeverities.Critical), default);
        Assert.Equal((2L, 2L), (Depth("bureau"), Depth("wecom")));
    }
}
