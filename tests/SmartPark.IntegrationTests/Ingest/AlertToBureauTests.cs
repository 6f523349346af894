using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Notifications.Bureau;
using SmartPark.Ingest.Notifications.Webhooks;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// The whole bureau path in the real Ingest: a registered device's over-limit NMHC raises an
/// alert, and the bureau's receiver gets one signed notification per transition with the
/// enterprise's registry details, the limit and its source; nothing for the per-reading occurrences.
/// </summary>
public sealed class AlertToBureauTests : IAsyncLifetime
{
    private const string Secret = "alert-to-bureau-tests-only-secret-0123456789";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly RegistryFile _registry = new();
    private readonly DeviceAddress _device = new("p-bureau", "e-paint", "d-paint");
    private InfluxDbServer _influx = null!;
    private WebhookReceiver _receiver = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        await _registry.WriteAsync(_device);
        _influx = await InfluxDbServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, "bureau",
        [
            .. _registry.IngestArgs(),
            $"--Bureau:Webhook:Url={_receiver.Url}",
            $"--Bureau:Webhook:Secret={Secret}",
            "--Bureau:Webhook:AllowHttp=true",
            "--Bureau:Webhook:InitialBackoff=00:00:00.100",
            "--Alerts:TickInterval=00:00:00.100",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _receiver.DisposeAsync();
        await _influx.DisposeAsync();
        _registry.Dispose();
    }

    private static BureauNotification Parse(ReceivedWebhook webhook) =>
        JsonSerializer.Deserialize(webhook.Body, BureauJsonContext.Default.BureauNotification)!;

    [Fact]
    public async Task An_over_limit_reading_reaches_the_bureau_signed_with_registry_details_and_its_acknowledgement_follows()
    {
        var (agent, code) = await TestDevice.ConnectAsync(_ingest.BrokerPort, _device.Device, RegistryFile.PasswordOf(_device.Device), _device.Device);
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        for (var seq = 1; seq <= 3; seq++)
        {
            await agent.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Telemetry(_device))
                .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(_device.Device, seq, TelemetryJson.Reading("voc-1", "nmhc", 20 + seq, "mg/m3", DateTimeOffset.UtcNow))))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }

        // Three readings over 20 also make a 1-hour mean over 6: two alerts. This test follows the instant one.
        var raised = await Poll.UntilAsync(() => Task.FromResult(_receiver.Received.FirstOrDefault(r => r.Status == 200 && Parse(r).RuleId == "nmhc-inplant-instant-gd")), r => r is not null, Timeout, "the bureau notification");
        var expected = WebhookSignature.Sign(Secret, long.Parse(raised!.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), raised.Body);
        Assert.Equal(expected, raised.Signature);
        var body = Parse(raised);
        Assert.Equal(("raised", "nmhc-inplant-instant-gd", 20.0, "Test enterprise"), (body.Event, body.RuleId, body.Limit!.Value, body.Enterprise!.Name));
        Assert.Equal("operating", body.Enterprise.RenovationStatus);
        Assert.Contains("DB44/2367-2022", body.LimitSource);
        Assert.Equal($"{body.AlertId}:1", raised.Key);

        // The dashboard's account acknowledges over MQTT; the bureau hears of it once.
        var (dashboard, dashboardCode) = await TestDevice.ConnectAsync(_ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-test");
        Assert.Equal(MqttClientConnectResultCode.Success, dashboardCode);
        await dashboard.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(SmartParkTopics.AlertAck(_device.Park, body.AlertId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(new AlertAck { By = "Officer Huang" }, ContractsJsonContext.Default.AlertAck))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        var acknowledged = await Poll.UntilAsync(() => Task.FromResult(_receiver.Received.Where(r => r.Status == 200).Select(Parse).FirstOrDefault(n => n.Event == "acknowledged" && n.AlertId == body.AlertId)), n => n is not null, Timeout, "the acknowledgement notification");
        Assert.Equal(("Officer Huang", 2L), (acknowledged!.AcknowledgedBy, acknowledged.Sequence));

        // Three exceeding readings, two transitions: occurrences are not notifications.
        var keys = _receiver.Received.Where(r => r.Status == 200 && r.Key!.StartsWith(body.AlertId, StringComparison.Ordinal)).Select(r => r.Key).Distinct().Order().ToList();
        Assert.Equal([$"{body.AlertId}:1", $"{body.AlertId}:2"], keys);
        Assert.True(acknowledged.Occurrences >= 1);
        dashboard.Dispose();
        agent.Dispose();
    }
}
