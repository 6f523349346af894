using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Safety;

namespace SmartPark.UnitTests.Ingest.Notifications;

public sealed class SafetyWebhookSinkTests
{
    private const string Secret = "unit-tests-only-safety-webhook-secret-0123456789";

    private static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        // Later settings replace earlier ones, as a command line replaces a file.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
            values["Safety:Webhook:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddSafetyWebhook(configuration).BuildServiceProvider();
    }

    private static SafetyWebhookSink Sink(params (string Key, string? Value)[] settings) =>
        Services([("Url", "https://119.example/alarms"), ("Secret", Secret), .. settings]).GetRequiredService<SafetyWebhookSink>();

    /// <summary>A smoke alarm (safety) or the sample NMHC alert (emission, bureau).</summary>
    private static AlertTransition Transition(bool safety = true, string severity = AlertSeverities.Critical, long sequence = 1) =>
        AlertSamples.Step("a1", sequence) with
        {
            Alert = AlertSamples.Step("a1", sequence).Alert with
            {
                RuleId = safety ? "smoke" : "inplant-nmhc-1h",
                Rule = safety ? "Smoke detector alarm" : "In-plant NMHC, 1-hour mean",
                Kind = safety ? "detector" : "window",
                Quantity = safety ? "smoke" : "nmhc",
                Sensor = safety ? "smoke-1" : "voc-1",
                Safety = safety,
                Bureau = !safety,
                Severity = severity,
            },
        };

    [Fact]
    public void Defaults_are_off_safety_only_warnings_and_up_fast_retries_no_rate_limit_and_reminders_every_five_minutes()
    {
        using var services = Services();
        var options = services.GetRequiredService<IOptions<SafetyWebhookOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.True(options.SafetyOnly);
        Assert.Equal(AlertSeverities.Warning, options.MinSeverity);
        Assert.Equal(0, options.RateLimit);
        Assert.True(options.RequestTimeout < TimeSpan.FromSeconds(10), "one hung request must not use up the 10 s a fire alarm has");
        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialBackoff);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ReminderInterval);
        Assert.Equal(Path.Combine("data", "safety"), options.OutboxDirectory);
    }

    [Fact]
    public void Only_safety_alarms_are_routed_never_an_emission_alert()
    {
        var sink = Sink();
        Assert.True(sink.Routes(Transition()));
        Assert.True(sink.Routes(Transition(severity: AlertSeverities.Warning)));
        Assert.False(sink.Routes(Transition(severity: AlertSeverities.Info)));
        Assert.False(sink.Routes(Transition(safety: false)));
        Assert.True(sink.Routes(Transition(sequence: 2))); // the park's acknowledgement is news to the authorities too
    }

    [Fact]
    public void The_routing_settings_narrow_it_like_every_channel()
    {
        var sink = Sink(("MinSeverity", "critical"), ("Parks:0", "another-park"));
        Assert.False(sink.Routes(Transition()));
        Assert.True(Sink(("Rules:0", "smoke"), ("Parks:0", "baiyun-shimen")).Routes(Transition()));
    }

    [Theory]
    [InlineData("SafetyOnly", "false", "Safety:Webhook:SafetyOnly is false")]
    [InlineData("Secret", "short", "Safety:Webhook:Secret is 5 bytes; at least 32 are required")]
    [InlineData("Url", "http://119.example/alarms", "Safety:Webhook:Url 'http://119.example/alarms' is plain http")]
    [InlineData("MinSeverity", "loud", "Safety:Webhook:MinSeverity 'loud'")]
    [InlineData("Hours", "evening", "Safety:Webhook:Hours 'evening'")]
    public void Configuration_problems_are_named_with_the_section_and_stop_the_start(string key, string value, string problem)
    {
        using var services = Services(("Url", "https://119.example/alarms"), ("Secret", Secret), (key, value));
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SafetyWebhookOptions>>().Value);
        Assert.Contains("Safety webhook misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_is_the_documented_json_keyed_like_every_sink()
    {
        var message = Sink().Render(new AlertNotice(Transition()));
        Assert.Equal(("a1:1", "raised"), (message.IdempotencyKey, message.Event));
        using var json = JsonDocument.Parse(message.Body);
        var body = json.RootElement;
        Assert.Equal(1, body.GetProperty("schema").GetInt32());
        Assert.Equal(("smoke", "detector", "critical", "baiyun-shimen", "smoke-1"),
            (body.GetProperty("ruleId").GetString(), body.GetProperty("ruleKind").GetString(), body.GetProperty("severity").GetString(), body.GetProperty("park").GetString(), body.GetProperty("sensor").GetString()));
        Assert.Equal("e07", body.GetProperty("enterprise").GetProperty("id").GetString());
        // No roster in force: no onDuty, rather than an empty list that reads as "nobody to call".
        Assert.False(body.TryGetProperty("onDuty", out _));

        var reminder = Sink().Render(new AlertNotice(Transition(), Reminder: 2));
        Assert.Equal(("a1:1:reminder-2", "reminder"), (reminder.IdempotencyKey, reminder.Event));
        var acknowledged = JsonDocument.Parse(Sink().Render(new AlertNotice(Transition(sequence: 2))).Body).RootElement;
        Assert.Equal(("acknowledged", "zhang.wei"), (acknowledged.GetProperty("event").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));
    }
}
