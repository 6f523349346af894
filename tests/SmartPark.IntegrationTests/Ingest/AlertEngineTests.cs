using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The alert engine inside the real Ingest: readings through the embedded broker raise retained
/// alert documents, acknowledgements come back over MQTT, every transition lands in InfluxDB's
/// <c>alert_event</c>, and open alerts survive a restart.
/// </summary>
public sealed class AlertEngineTests : IAsyncLifetime
{
    private const string Database = "alerts";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly string[] Fast = ["--Alerts:TickInterval=00:00:00.100", "--Alerts:DocumentRefreshInterval=00:00:00.100"];
    private InfluxDbServer _influx = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxDbServer.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, Database, Fast);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _influx.DisposeAsync();
    }

    private async Task<IMqttClient> ConnectAsync(string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _ingest.BrokerPort).WithClientId(clientId).Build());
        return client;
    }

    private static Task PublishAsync(IMqttClient client, DeviceAddress device, long seq, string sensor, string quantity, double value, string unit) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.Telemetry(device))
            .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(device.Device, seq, TelemetryJson.Reading(sensor, quantity, value, unit, DateTimeOffset.UtcNow))))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    /// <summary>The latest retained document per alert id seen by a collector; null once deleted.</summary>
    private static Dictionary<string, AlertDocument?> Documents(MqttCollector collector)
    {
        var latest = new Dictionary<string, AlertDocument?>();
        foreach (var (topic, payload) in collector.Messages)
        {
            if (SmartParkTopics.TryParse(topic, out var parsed) && parsed.Kind == TopicKind.Alert)
                latest[parsed.AlertId!] = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.AlertDocument);
        }
        return latest;
    }

    private async Task<List<(string State, string? By, long Seq)>> EventsAsync(string alertId)
    {
        var response = await _influx.Client(Database).QueryAsync(
            $"SELECT \"state\", \"by\", \"seq\" FROM alert_event WHERE alert_id = {InfluxQl.String(alertId)}", CancellationToken.None);
        var series = response.Results.SelectMany(r => r.Series ?? []).FirstOrDefault();
        if (series is null)
            return [];
        return series.Values.Select(v => (v[1].GetString()!, v[2].ValueKind == JsonValueKind.String ? v[2].GetString() : null, v[3].GetInt64())).ToList();
    }

    [Fact]
    public async Task Smoke_raises_a_retained_alert_that_is_acknowledged_over_mqtt_and_stored_as_events()
    {
        var device = new DeviceAddress("p-alert", "e-smoke", "d-smoke");
        await using var watcher = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts]);
        using var agent = await ConnectAsync("agent-smoke");
        await PublishAsync(agent, device, 1, "smoke-1", "smoke", 1, "bool");

        var alert = await Poll.UntilAsync(() => Task.FromResult(Documents(watcher).Values.FirstOrDefault(d => d?.RuleId == "smoke")), d => d is not null, Timeout, "the smoke alert on MQTT");
        Assert.Equal((AlertStates.Active, AlertSeverities.Critical, "e-smoke", "smoke-1"), (alert!.State, alert.Severity, alert.Enterprise, alert.Sensor));

        // A late subscriber (a Dashboard starting up) gets it retained.
        await using (var late = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts]))
            await Poll.UntilAsync(() => Task.FromResult(Documents(late).ContainsKey(alert.AlertId)), found => found, Timeout, "the retained alert");

        await agent.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.AlertAck("p-alert", alert.AlertId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(new AlertAck { By = "Wang Fang", Comment = "checked, kitchen steam" }, ContractsJsonContext.Default.AlertAck))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        var acked = await Poll.UntilAsync(() => Task.FromResult(Documents(watcher)[alert.AlertId]), d => d?.State == AlertStates.Acknowledged, Timeout, "the acknowledgement");
        Assert.Equal(("Wang Fang", "checked, kitchen steam"), (acked!.AcknowledgedBy, acked.AckComment));

        var events = await Poll.UntilAsync(() => EventsAsync(alert.AlertId), e => e.Count == 2, Timeout, "two alert_event points");
        Assert.Equal([(AlertStates.Active, null, 1L), (AlertStates.Acknowledged, "Wang Fang", 2L)], events);
    }

    [Fact]
    public async Task Two_messages_at_once_from_two_connections_raise_one_alert()
    {
        var device = new DeviceAddress("p-alert", "e-voc", "d-voc");
        await using var watcher = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts]);
        using var a = await ConnectAsync("agent-a");
        using var b = await ConnectAsync("agent-b");
        await Task.WhenAll(
            PublishAsync(a, device, 1, "voc-1", "nmhc", 25.0, "mg/m3"),
            PublishAsync(b, device, 2, "voc-1", "nmhc", 27.5, "mg/m3"));

        var alert = await Poll.UntilAsync(
            () => Task.FromResult(Documents(watcher).Values.FirstOrDefault(d => d?.RuleId == "nmhc-inplant-instant-gd" && d.Occurrences == 2)),
            d => d is not null, Timeout, "one alert with two occurrences");
        Assert.Equal(27.5, alert!.Peak);
        Assert.Single(Documents(watcher).Values, d => d?.RuleId == "nmhc-inplant-instant-gd");
        var raised = await Poll.UntilAsync(() => EventsAsync(alert.AlertId), e => e.Count > 0, Timeout, "the raise event");
        Assert.Equal([(AlertStates.Active, (string?)null, 1L)], raised);
    }

    [Fact]
    public async Task Open_alerts_survive_a_restart_and_their_lifecycle_continues()
    {
        var device = new DeviceAddress("p-alert", "e-flame", "d-flame");
        string alertId;
        await using (var watcher = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts]))
        {
            using var agent = await ConnectAsync("agent-flame");
            await PublishAsync(agent, device, 1, "flame-1", "flame", 1, "bool");
            alertId = (await Poll.UntilAsync(() => Task.FromResult(Documents(watcher).Values.FirstOrDefault(d => d?.RuleId == "flame")), d => d is not null, Timeout, "the flame alert"))!.AlertId;
        }

        await _ingest.DisposeAsync();
        _ingest = await IngestHost.RestartAsync(_ingest, _influx.Url, Database, [.. Fast, "--Alerts:Rules:0:Id=flame", "--Alerts:Rules:0:HoldOff=00:00:00"]);

        // The embedded broker lost its retained messages with the restart: the engine republishes them.
        await using var after = await MqttCollector.StartAsync(_ingest.BrokerPort, [SmartParkTopics.AllAlerts]);
        var restored = await Poll.UntilAsync(() => Task.FromResult(Documents(after).GetValueOrDefault(alertId)), d => d is not null, Timeout, "the open alert after the restart");
        Assert.Equal(AlertStates.Active, restored!.State);

        using var again = await ConnectAsync("agent-flame-2");
        await PublishAsync(again, device, 2, "flame-1", "flame", 0, "bool");
        await Poll.UntilAsync(() => Task.FromResult(Documents(after).GetValueOrDefault(alertId)), d => d?.State == AlertStates.Cleared, Timeout, "the alert to clear");
        var events = await Poll.UntilAsync(() => EventsAsync(alertId), e => e.Count == 2, Timeout, "raise and clear events");
        Assert.Equal([1L, 2L], events.Select(e => e.Seq));
    }
}
