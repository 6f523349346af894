using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;

namespace SmartPark.UnitTests.Ingest;

/// <summary>Reminders on a fake clock, through the real registration; nothing is sent here (the
/// hosted services are not started), the tests look at what lands in the outbox.</summary>
public sealed class BureauReminderTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bureau-reminders-").FullName;
    private readonly FakeTimeProvider _time = new(AlertSamples.RaisedAt);
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = Build(TimeSpan.FromHours(1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Build(TimeSpan interval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bureau:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["Bureau:Webhook:Secret"] = "reminder-tests-only-webhook-secret-0123456789",
            ["Bureau:Webhook:AllowHttp"] = "true",
            ["Bureau:Webhook:OutboxDirectory"] = _directory,
            ["Bureau:Webhook:ReminderInterval"] = interval.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddBureauWebhook(configuration);
        return services.BuildServiceProvider();
    }

    private IAlertNotifier Notifier => _services.GetRequiredService<IAlertNotifier>();
    private ReminderService Reminders => _services.GetRequiredService<ReminderService>();

    private async Task<List<BureauNotification>> OutboxAsync()
    {
        // Mark each head delivered to see the next one: the outbox hands out only heads.
        var outbox = _services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox;
        var all = new List<BureauNotification>();
        while ((await outbox.HeadsAsync(100, default)) is { Count: > 0 } heads)
        {
            foreach (var head in heads)
            {
                all.Add(JsonSerializer.Deserialize(head.Body, BureauJsonContext.Default.BureauNotification)!);
                await outbox.DeliveredAsync(head.Id, default);
            }
        }
        return all;
    }

    [Fact]
    public async Task Unacknowledged_alert_is_reminded_every_interval_until_acknowledged()
    {
        await Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        Assert.Equal(["a1:1"], (await OutboxAsync()).Select(n => n.IdempotencyKey));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Reminders.EmitDueAsync(default));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
        var reminder = Assert.Single(await OutboxAsync());
        Assert.Equal(("reminder", "a1:1:reminder-1", 1, "active"), (reminder.Event, reminder.IdempotencyKey, reminder.Reminder, reminder.State));
        Assert.Equal(_time.GetUtcNow(), reminder.At);
        Assert.Equal(AlertSamples.RaisedAt, reminder.RaisedAt);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Reminders.EmitDueAsync(default));
        Assert.Equal("a1:1:reminder-2", Assert.Single(await OutboxAsync()).IdempotencyKey);

        await Notifier.EnqueueAsync(AlertSamples.Step("a1", 2), default);
        _time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
        Assert.Equal(["a1:2"], (await OutboxAsync()).Select(n => n.IdempotencyKey));
    }

    [Fact]
    public async Task Cleared_but_never_acknowledged_keeps_reminding_until_closed()
    {
        await Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        _time.Advance(TimeSpan.FromMinutes(30));
        var cleared = AlertSamples.Raised("a1") with { Sequence = 2, From = AlertStates.Active, To = AlertStates.Cleared, At = _time.GetUtcNow(), Alert = AlertSamples.Document("a1", AlertStates.Cleared) };
        await Notifier.EnqueueAsync(cleared, default);

        // The clearing restarted the clock: an hour after it, not after the raise.
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Reminders.EmitDueAsync(default));
        var reminder = (await OutboxAsync()).Last();
        Assert.Equal(("a1:2:reminder-1", "cleared"), (reminder.IdempotencyKey, reminder.State));

        await Notifier.EnqueueAsync(cleared with { Sequence = 3, From = AlertStates.Cleared, To = AlertStates.Closed, Alert = AlertSamples.Document("a1", AlertStates.Closed) }, default);
        _time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
    }

    [Fact]
    public async Task Interval_zero_turns_reminders_off()
    {
        await _services.DisposeAsync();
        _services = Build(TimeSpan.Zero);
        await Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Reminders.EmitDueAsync(default));
        Assert.Equal(0, await _services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox.RemindedAlertsAsync(default));
    }

    [Fact]
    public async Task A_reminder_survives_a_restart_with_its_count()
    {
        await Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        _time.Advance(TimeSpan.FromHours(1));
        await Reminders.EmitDueAsync(default);
        await _services.DisposeAsync();

        _services = Build(TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Reminders.EmitDueAsync(default));
        Assert.Equal(["a1:1", "a1:1:reminder-1", "a1:1:reminder-2"], (await OutboxAsync()).Select(n => n.IdempotencyKey));
    }

    [Fact]
    public async Task Alerts_of_rules_not_marked_bureau_are_not_stored()
    {
        var local = AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Bureau = false } };
        await Notifier.EnqueueAsync(local, default);
        Assert.Equal(0, _services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox.Depth);
        Assert.Equal(0, await _services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox.RemindedAlertsAsync(default));
    }
}
