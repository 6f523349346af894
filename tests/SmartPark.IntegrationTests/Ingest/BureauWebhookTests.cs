using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The bureau notifier against a real HTTP receiver on loopback. Outages and refusals are
/// scripted per idempotency key by the receiver, waits are bounded polls, never sleeps.
/// </summary>
public sealed class BureauWebhookTests : IDisposable
{
    private const string Secret = NotifierHost.TestSecret;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _outbox = Path.Combine(Directory.CreateTempSubdirectory("bureau-webhook-").FullName, "outbox");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_outbox)!, recursive: true);

    private static List<ReceivedWebhook> Accepted(WebhookReceiver receiver) =>
        [.. receiver.Received.Where(r => r.Status is >= 200 and < 300)];

    private static Task WaitForAcceptedAsync(WebhookReceiver receiver, int count) =>
        Poll.UntilAsync(() => Task.FromResult(Accepted(receiver).Count), n => n >= count, Timeout, $"{count} notifications accepted by the receiver");

    private static string AlertOf(ReceivedWebhook request) => request.Key![..request.Key!.IndexOf(':', StringComparison.Ordinal)];

    private static long SequenceOf(ReceivedWebhook request) =>
        long.Parse(request.Key!.Split(':')[1], CultureInfo.InvariantCulture);

    /// <summary>Every key accepted exactly once, and each alert's notifications accepted in sequence
    /// order and never even tried before the one before them was accepted.</summary>
    private static void AssertOncePerKeyInOrderPerAlert(WebhookReceiver receiver, int alerts, int steps)
    {
        var accepted = Accepted(receiver);
        Assert.Equal(alerts * steps, accepted.Count);
        Assert.All(accepted.GroupBy(r => r.Key), key => Assert.Single(key));
        foreach (var alert in receiver.Received.GroupBy(AlertOf))
        {
            var tried = alert.Select(SequenceOf).ToList();
            Assert.Equal(tried.Order(), tried);
            Assert.Equal(Enumerable.Range(1, steps).Select(i => (long)i), alert.Where(r => r.Status == 200).Select(SequenceOf));
        }
    }

    [Fact]
    public async Task Posts_signed_json_that_verifies_with_the_secret_and_not_with_another()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);

        await host.Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        await WaitForAcceptedAsync(receiver, 1);

        var request = Assert.Single(receiver.Received);
        Assert.Equal("a1:1", request.Key);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.InRange(long.Parse(request.Timestamp!, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(WebhookSignature.Verify(Secret, request.Timestamp!, request.Body, request.Signature));
        Assert.False(WebhookSignature.Verify("not-the-secret", request.Timestamp!, request.Body, request.Signature));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(("raised", "a1", 1L, "active"), ((string?)body["event"], (string?)body["alertId"], (long?)body["sequence"], (string?)body["state"]));
        Assert.Equal("nmhc", (string?)body["quantity"]);
    }

    [Fact]
    public async Task Idempotency_key_and_body_stay_the_same_across_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, seen) => seen < 3 ? 503 : 200;
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);

        await host.Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        await WaitForAcceptedAsync(receiver, 1);

        var requests = receiver.Received;
        Assert.Equal([503, 503, 503, 200], requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Equal("a1:1", r.Key));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.True(WebhookSignature.Verify(Secret, r.Timestamp!, r.Body, r.Signature)));
    }

    [Fact]
    public async Task Transitions_of_each_alert_arrive_in_order_under_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Every notification fails twice first, with the answers a struggling receiver gives.
        int[] failures = [500, 429, 408, 502];
        receiver.Respond = (request, seen) => seen < 2 ? failures[(request.Order + seen) % failures.Length] : 200;
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>());

        for (var sequence = 1; sequence <= 6; sequence++)
        {
            foreach (var alert in new[] { "a", "b", "c" })
                await host.Notifier.EnqueueAsync(AlertSamples.Step(alert, sequence), default);
        }
        await WaitForAcceptedAsync(receiver, 18);

        AssertOncePerKeyInOrderPerAlert(receiver, alerts: 3, steps: 6);
        Assert.Equal(18 * 3, receiver.Received.Count);
        await Poll.UntilAsync(() => Task.FromResult(metrics["smartpark.ingest.bureau.delivered"]), n => n == 18, Timeout, "18 deliveries counted");
        Assert.Equal(54, metrics["smartpark.ingest.bureau.attempts"]);
        Assert.Equal(36, metrics["smartpark.ingest.bureau.failures"]);
        Assert.Equal(18, metrics["smartpark.ingest.bureau.enqueued"]);
        Assert.Equal(0, metrics.Depth());
    }

    [Fact]
    public async Task Receiver_down_then_back_loses_nothing_and_accepts_each_key_once()
    {
        var port = FreePort.Next();
        await using var host = await NotifierHost.StartAsync(_outbox, new Uri($"http://127.0.0.1:{port}/bureau/alerts"), Secret);
        var outbox = host.Services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox;
        for (var sequence = 1; sequence <= 4; sequence++)
        {
            foreach (var alert in new[] { "a", "b", "c" })
                await host.Notifier.EnqueueAsync(AlertSamples.Step(alert, sequence), default);
        }
        // Nobody listens: wait until every alert has been refused a few times.
        await Poll.UntilAsync(() => outbox.HeadsAsync(10, default), heads => heads.Count == 3 && heads.All(h => h.Attempts >= 3), Timeout, "every alert to fail three times");
        Assert.Equal(12, outbox.Depth);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Entries["bureau-webhook"].Status);

        await using var receiver = await WebhookReceiver.StartAsync(port);
        await WaitForAcceptedAsync(receiver, 12);

        AssertOncePerKeyInOrderPerAlert(receiver, alerts: 3, steps: 4);
        await Poll.UntilAsync(() => Task.FromResult(outbox.Depth), d => d == 0, Timeout, "the outbox to empty");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["bureau-webhook"].Status);
    }

    [Fact]
    public async Task One_failing_alert_does_not_hold_up_the_others()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, _) => request.Key!.StartsWith("stuck:", StringComparison.Ordinal) ? 500 : 200;
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);

        await host.Notifier.EnqueueAsync(AlertSamples.Step("stuck", 1), default);
        await host.Notifier.EnqueueAsync(AlertSamples.Step("stuck", 2), default);
        for (var sequence = 1; sequence <= 3; sequence++)
            await host.Notifier.EnqueueAsync(AlertSamples.Step("fine", sequence), default);

        await WaitForAcceptedAsync(receiver, 3);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count(r => r.Key == "stuck:1")), n => n >= 3, Timeout, "stuck:1 to be retried");
        Assert.Equal(["fine:1", "fine:2", "fine:3"], Accepted(receiver).Select(r => r.Key));
        Assert.DoesNotContain(receiver.Received, r => r.Key == "stuck:2");
        Assert.Equal(2, host.Services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox.Depth);
    }

    [Fact]
    public async Task Client_errors_are_retried_until_accepted_logged_as_errors_and_counted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, seen) => (request.Key, seen) switch
        {
            ("misconfigured:1", < 3) => 400,
            ("busy:1", < 2) => 429,
            _ => 200,
        };
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);
        using var metrics = new SinkMetricCounts(host.Services.GetRequiredService<IMeterFactory>());

        await host.Notifier.EnqueueAsync(AlertSamples.Raised("misconfigured"), default);
        await host.Notifier.EnqueueAsync(AlertSamples.Raised("busy"), default);
        await WaitForAcceptedAsync(receiver, 2);
        await Poll.UntilAsync(() => Task.FromResult(metrics["smartpark.ingest.bureau.delivered"]), n => n == 2, Timeout, "2 deliveries counted");

        Assert.Equal(3, metrics["smartpark.ingest.bureau.failures[HTTP 400]"]);
        Assert.Equal(2, metrics["smartpark.ingest.bureau.failures[HTTP 429]"]);
        var errors = host.Logs.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("misconfigured:1", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_survives_a_restart_of_the_notifier_before_delivery()
    {
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}/bureau/alerts");
        await using (var first = await NotifierHost.StartAsync(_outbox, url, Secret))
        {
            for (var sequence = 1; sequence <= 3; sequence++)
                await first.Notifier.EnqueueAsync(AlertSamples.Step("a1", sequence), default);
            var outbox = first.Services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox;
            await Poll.UntilAsync(() => outbox.HeadsAsync(10, default), heads => heads.Single().Attempts >= 1, Timeout, "a failed attempt");
        }

        await using var receiver = await WebhookReceiver.StartAsync(port);
        await using var second = await NotifierHost.StartAsync(_outbox, url, Secret);
        await WaitForAcceptedAsync(receiver, 3);

        AssertOncePerKeyInOrderPerAlert(receiver, alerts: 1, steps: 3);
        Assert.Contains(second.Logs.Lines, l => l.Message.Contains("3 notifications waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_url_the_notifier_is_a_no_op_that_says_so_once()
    {
        await using var host = await NotifierHost.StartAsync(_outbox, url: null, Secret);

        Assert.False(host.Services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Enabled);
        await host.Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        Assert.False(Directory.Exists(_outbox));
        Assert.Single(host.Logs.Lines, l => l.Message.Contains("Bureau webhook disabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "true", "no Bureau:Webhook:Secret")]
    [InlineData("31-bytes-is-one-byte-too-short!", "true", "Bureau:Webhook:Secret is 31 bytes; at least 32 are required")]
    [InlineData(NotifierHost.TestSecret, "false", "is plain http")]
    public async Task A_webhook_without_a_long_secret_or_over_plain_http_not_allowed_stops_the_start_with_the_reason(string secret, string allowHttp, string reason)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            NotifierHost.StartAsync(_outbox, receiver.Url, secret, settings: ("Bureau:Webhook:AllowHttp", allowHttp)));
        Assert.Contains("Bureau webhook misconfigured: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_but_a_failed_delivery_logged_with_where_it_pointed()
    {
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => 307; // 307 would repeat the POST, signed body and all
        receiver.Location = elsewhere.Url;
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret);

        await host.Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        await Poll.UntilAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 3, Timeout, "three attempts, each answered 307");
        await Poll.UntilAsync(
            () => Task.FromResult(host.Logs.Lines.Any(l => l.Level == LogLevel.Error && l.Message.Contains($"HTTP 307 redirect to {elsewhere.Url}, not followed", StringComparison.Ordinal))),
            Timeout, "the redirect to be logged as an error");
        Assert.Empty(elsewhere.Received);
        Assert.Equal(1, host.Services.GetRequiredService<AlertSinks>()[BureauWebhookSink.Name].Outbox.Depth);
    }

    [Fact]
    public async Task Reminders_reach_the_bureau_on_a_fake_clock_until_acknowledged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await NotifierHost.StartAsync(_outbox, receiver.Url, Secret, clock,
            ("Bureau:Webhook:ReminderInterval", "01:00:00"), ("Bureau:Webhook:ReminderCheckInterval", "00:01:00"));

        await host.Notifier.EnqueueAsync(AlertSamples.Raised("a1"), default);
        await WaitForAcceptedAsync(receiver, 1);

        clock.Advance(TimeSpan.FromHours(1));
        await WaitForAcceptedAsync(receiver, 2);
        var reminder = Accepted(receiver)[1];
        Assert.Equal("a1:1:reminder-1", reminder.Key);
        Assert.Equal("reminder", (string?)JsonNode.Parse(reminder.Body)!["event"]);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), reminder.Timestamp);

        await host.Notifier.EnqueueAsync(AlertSamples.Step("a1", 2), default);
        await WaitForAcceptedAsync(receiver, 3);
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await host.Services.GetRequiredService<ReminderService>().EmitDueAsync(default));
        Assert.Equal(["a1:1", "a1:1:reminder-1", "a1:2"], Accepted(receiver).Select(r => r.Key));
    }
}
