using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Alerts;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Dashboard;

/// <summary>Who sees which alert, and acknowledgement rules, over the API.</summary>
public sealed class AlertApiTests : DashboardOnItsOwnBroker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private Task PublishAsync(AlertDocument alert) =>
        MqttPublish.SendAsync(Broker.Port, SmartParkTopics.Alert(alert.Park, alert.AlertId),
            JsonSerializer.SerializeToUtf8Bytes(alert, ContractsJsonContext.Default.AlertDocument), retain: true);

    private static async Task<List<string>> IdsAsync(SignedInClient client) =>
        (await client.Http.GetFromJsonAsync<List<AlertDocument>>("api/alerts"))!.Select(a => a.AlertId).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Operators_see_their_parks_alerts_bureau_officers_only_emission_alerts_admins_all()
    {
        await PublishAsync(AlertSamples.Document("emission") with { Park = "p-a" });
        await PublishAsync(AlertSamples.Document("fire") with { Park = "p-a", Bureau = false, Kind = "detector" });
        await PublishAsync(AlertSamples.Document("elsewhere") with { Park = "p-b" });

        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        Assert.Equal(["elsewhere", "emission", "fire"], await Poll.UntilAsync(() => IdsAsync(admin), ids => ids.Count == 3, Timeout, "three open alerts"));
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        Assert.Equal(["emission", "fire"], await IdsAsync(op));
        using var bureau = await Dashboard.SignInAsync(TestUser.BureauA);
        Assert.Equal(["emission"], await IdsAsync(bureau));
    }

    [Fact]
    public async Task An_ack_needs_the_anti_forgery_header_and_an_alert_the_user_may_see()
    {
        await PublishAsync(AlertSamples.Document("b-alert") with { Park = "p-b" });
        await PublishAsync(AlertSamples.Document("a-alert") with { Park = "p-a" });
        using var admin = await Dashboard.SignInAsync(TestUser.Admin);
        await Poll.UntilAsync(() => IdsAsync(admin), ids => ids.Count == 2, Timeout, "two open alerts");

        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        var af = (await op.Http.GetFromJsonAsync<JsonElement>("api/antiforgery"));
        var body = JsonContent.Create(new { comment = "ok" });
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.PostAsync("api/parks/p-a/alerts/a-alert/ack", body)).StatusCode);

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "api/parks/p-b/alerts/b-alert/ack") { Content = JsonContent.Create(new { comment = "ok" }) };
        withToken.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.SendAsync(withToken)).StatusCode);

        await using var acks = await MqttCollector.StartAsync(Broker.Port, [SmartParkTopics.AllAlertAcks]);
        using var mine = new HttpRequestMessage(HttpMethod.Post, "api/parks/p-a/alerts/a-alert/ack") { Content = JsonContent.Create(new { comment = "ok" }) };
        mine.Headers.Add(af.GetProperty("header").GetString()!, af.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await op.Http.SendAsync(mine)).StatusCode);
        var messages = await Poll.UntilAsync(() => Task.FromResult(acks.Messages), m => m.Count > 0, Timeout, "the ack on MQTT");
        Assert.Equal("op-a", JsonSerializer.Deserialize(messages[0].Payload, ContractsJsonContext.Default.AlertAck)!.By);
    }

    [Fact]
    public async Task An_alert_transition_reaches_a_signed_in_hub_client_within_a_second()
    {
        using var op = await Dashboard.SignInAsync(TestUser.OperatorA);
        await using var hub = op.Hub("/hubs/live");
        var received = new TaskCompletionSource<AlertUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<AlertUpdate>("alert", u => received.TrySetResult(u));
        await hub.StartAsync();
        await hub.InvokeAsync("JoinAlerts");

        var clock = Stopwatch.StartNew();
        await PublishAsync(AlertSamples.Document("fast") with { Park = "p-a" });
        var update = await received.Task.WaitAsync(Timeout);
        var elapsed = clock.Elapsed;
        Assert.Equal(("p-a", "fast", "active"), (update.Park, update.AlertId, update.Alert!.State));
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:0} ms");
    }
}
