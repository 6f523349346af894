using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Escalation;
using SmartPark.Platform.Registry;

namespace SmartPark.UnitTests.Ingest.Notifications;

/// <summary>
/// The escalation as Ingest registers it (<c>AddAlertSinks</c> with email and SMS on), on a fake
/// clock, with the duty roster of a real registry file (<see cref="DutySamples"/>: zhang, wang, then
/// li the manager) and the sinks' real SQLite outboxes. Nothing is sent (the hosted services are not
/// started): what each step stores is read back from the outboxes.
/// </summary>
public sealed class EscalatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("escalator-").FullName;
    private readonly FakeTimeProvider _time = new(AlertSamples.RaisedAt);
    private readonly RegistryProvider _registry;

    public EscalatorTests() => _registry = DutySamples.Provider(DutySamples.WriteRegistry(_directory));

    public void Dispose()
    {
        _registry.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Start(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = "9",
            ["Notifications:Email:Security"] = "None",
            ["Notifications:Email:From"] = "alarms@park.example",
            ["Notifications:Email:OutboxDirectory"] = Path.Combine(_directory, "email"),
            ["Notifications:Sms:Url"] = "http://127.0.0.1:9/sms",
            ["Notifications:Sms:AllowHttp"] = "true",
            ["Notifications:Sms:OutboxDirectory"] = Path.Combine(_directory, "sms"),
            ["Notifications:Escalation:Directory"] = Path.Combine(_directory, "escalation"),
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(_registry)
            .AddAlertSinks(configuration)
            .BuildServiceProvider();
    }

    /// <summary>Every message a sink stored, oldest first, by idempotency key.</summary>
    private List<string> Stored(string sink)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, sink, SinkOutbox.FileName(sink))};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key FROM outbox ORDER BY id";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        return keys;
    }

    private static AlertTransition Raised(string severity = AlertSeverities.Critical) =>
        AlertSamples.Raised("a1") with { Alert = AlertSamples.Document("a1") with { Severity = severity, Bureau = false } };

    [Fact]
    public async Task Unacknowledged_it_goes_to_the_next_on_duty_then_the_manager_each_after_five_minutes_by_every_channel_that_reaches_them()
    {
        await using var services = Start();
        Assert.IsType<EscalatingNotifier>(services.GetRequiredService<IAlertNotifier>());
        var escalator = services.GetRequiredService<Escalator>();

        await services.GetRequiredService<IAlertNotifier>().EnqueueAsync(Raised(), default);
        Assert.Equal(["a1:1:to-zhang-0"], Stored("email"));
        Assert.Equal(["a1:1:to-zhang-0"], Stored("sms"));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await escalator.StepDueAsync(default));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await escalator.StepDueAsync(default));
        // wang has no phone: email only.
        Assert.Equal(["a1:1:to-zhang-0", "a1:1:to-wang-1"], Stored("email"));
        Assert.Equal(["a1:1:to-zhang-0"], Stored("sms"));

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await escalator.StepDueAsync(default));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await escalator.StepDueAsync(default));
        Assert.Equal(["a1:1:to-zhang-0", "a1:1:to-wang-1", "a1:1:to-li-2"], Stored("email"));
        Assert.Equal(["a1:1:to-zhang-0", "a1:1:to-li-2"], Stored("sms"));

        // The manager was the last level: nothing more, ever.
        Assert.Equal(0, await escalator.Store.CountAsync(default));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await escalator.StepDueAsync(default));
        Assert.Equal(3, Stored("email").Count);
    }

    [Fact]
    public async Task An_acknowledgement_stops_it_and_a_later_step_tells_nobody()
    {
        await using var services = Start();
        var notifier = services.GetRequiredService<IAlertNotifier>();
        var escalator = services.GetRequiredService<Escalator>();
        await notifier.EnqueueAsync(Raised(), default);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await escalator.StepDueAsync(default));

        var acknowledged = AlertSamples.Step("a1", 2) with { At = _time.GetUtcNow() };
        await notifier.EnqueueAsync(acknowledged with { Alert = acknowledged.Alert with { Bureau = false } }, default);
        Assert.Equal(0, await escalator.Store.CountAsync(default));

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await escalator.StepDueAsync(default));
        Assert.DoesNotContain(Stored("email"), k => k.Contains("to-li", StringComparison.Ordinal));
        Assert.DoesNotContain(Stored("sms"), k => k.Contains("to-li", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_restart_it_goes_on_from_the_level_it_reached_without_repeating_one()
    {
        await using (var first = Start())
        {
            await first.GetRequiredService<IAlertNotifier>().EnqueueAsync(Raised(), default);
            _time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(1, await first.GetRequiredService<Escalator>().StepDueAsync(default));
        }

        await using var second = Start();
        var escalator = second.GetRequiredService<Escalator>();
        Assert.Equal(1, await escalator.Store.CountAsync(default));
        Assert.Equal(0, await escalator.StepDueAsync(default));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await escalator.StepDueAsync(default));
        Assert.Equal(["a1:1:to-zhang-0", "a1:1:to-wang-1", "a1:1:to-li-2"], Stored("email"));
    }

    [Fact]
    public async Task A_step_repeated_after_a_crash_before_its_commit_stores_no_message_twice()
    {
        await using var services = Start();
        var sinks = services.GetRequiredService<AlertSinks>();
        var notifier = services.GetRequiredService<AlertNotifier>();
        await services.GetRequiredService<IAlertNotifier>().EnqueueAsync(Raised(), default);
        _time.Advance(TimeSpan.FromMinutes(5));

        // The crash: level 1's messages were committed to the outboxes, the escalation's move was not.
        var wang = services.GetRequiredService<SmartPark.Ingest.Notifications.Duty.IDutyRoster>().ChainAt(DutySamples.Park, AlertSamples.RaisedAt)[1];
        await notifier.StoreAsync(sinks["email"], new AlertNotice(Raised(), Recipient: wang, Level: 1), trackReminders: false, default);
        var depth = sinks["email"].Outbox.Depth;

        Assert.Equal(1, await services.GetRequiredService<Escalator>().StepDueAsync(default));
        Assert.Equal(depth, sinks["email"].Outbox.Depth);
        Assert.Single(Stored("email"), k => k == "a1:1:to-wang-1");
    }

    [Fact]
    public async Task Warnings_do_not_escalate_unless_configured_and_a_zero_time_turns_critical_off()
    {
        await using (var defaults = Start())
        {
            await defaults.GetRequiredService<IAlertNotifier>().EnqueueAsync(Raised(AlertSeverities.Warning), default);
            Assert.Equal(0, await defaults.GetRequiredService<Escalator>().Store.CountAsync(default));
        }
        await using var configured = Start(
            ("Notifications:Email:MinSeverity", "warning"),
            ("Notifications:Escalation:After:warning", "00:15:00"),
            ("Notifications:Escalation:After:critical", "00:00:00"));
        var escalator = configured.GetRequiredService<Escalator>();
        var notifier = configured.GetRequiredService<IAlertNotifier>();
        await notifier.EnqueueAsync(Raised(AlertSeverities.Warning) with { AlertId = "w1", Alert = Raised(AlertSeverities.Warning).Alert with { AlertId = "w1" } }, default);
        await notifier.EnqueueAsync(Raised(), default);
        Assert.Equal(1, await escalator.Store.CountAsync(default));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await escalator.StepDueAsync(default));
        Assert.Contains("w1:1:to-wang-1", Stored("email"));
    }

    [Fact]
    public void A_severity_that_is_none_stops_the_start()
    {
        var options = new EscalationOptions();
        Assert.Null(options.Problem());
        Assert.Equal(TimeSpan.FromMinutes(5), options.AfterFor(AlertSeverities.Critical));
        Assert.Null(options.AfterFor(AlertSeverities.Warning));
        options.After["loud"] = TimeSpan.FromMinutes(1);
        Assert.Contains("names no severity", options.Problem(), StringComparison.Ordinal);
    }
}
