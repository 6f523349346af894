using System.Collections.Concurrent;
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
/// Treatment equipment that must run (分表计电), through the real Ingest: an edge device reads a
/// production meter and a treatment meter (roles in the registry); production on and treatment off
/// for the rule's 15 minutes of reading time raises <c>treatment-not-running</c>, and both the
/// retained alert document and the bureau's webhook carry the two power curves.
/// </summary>
public sealed class TreatmentEvidenceTests : IAsyncLifetime
{
    private const string Secret = "treatment-evidence-tests-only-secret-012345678";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly RegistryFile _registry = new()
    {
        Sensors = "[{ id: prod-1, quantities: [power], role: production }, { id: treat-1, quantities: [power], role: treatment, idleLoad: 1.5 }]",
    };
    private readonly DeviceAddress _device = new("p-treat", "e-plating", "d-meters");
    private InfluxDbServer _influx = null!;
    private WebhookReceiver _receiver = null!;
    private IngestHost _ingest = null!;

    public async Task InitializeAsync()
    {
        await _registry.WriteAsync(_device);
        _influx = await InfluxDbServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _ingest = await IngestHost.StartAsync(_influx.Url, "treatment",
        [
            .. _registry.IngestArgs(),
            $"--Bureau:Webhook:Url={_receiver.Url}",
            $"--Bureau:Webhook:Secret={Secret}",
            "--Bureau:Webhook:AllowHttp=true",
            "--Bureau:Webhook:InitialBackoff=00:00:00.100",
            "--Alerts:TickInterval=00:00:00.100",
            "--Alerts:DocumentRefreshInterval=00:00:00.100",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _receiver.DisposeAsync();
        await _influx.DisposeAsync();
        _registry.Dispose();
    }

    [Fact]
    public async Task Production_on_and_treatment_off_for_the_hold_raises_an_alert_whose_document_and_webhook_carry_both_curves()
    {
        // The Dashboard's account watches the retained alert documents.
        var (watcher, watcherCode) = await TestDevice.ConnectAsync(_ingest.BrokerPort, "dashboard", RegistryFile.DashboardPassword, "smartpark-dashboard-treatment");
        Assert.Equal(MqttClientConnectResultCode.Success, watcherCode);
        var documents = new ConcurrentDictionary<string, AlertDocument>();
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload;
            if (SmartParkTopics.TryParse(e.ApplicationMessage.Topic, out var parsed) && parsed.Kind == TopicKind.Alert && payload.Length > 0)
                documents[parsed.AlertId!] = JsonSerializer.Deserialize(System.Buffers.BuffersExtensions.ToArray(payload), ContractsJsonContext.Default.AlertDocument)!;
            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(SmartParkTopics.AllAlerts, MqttQualityOfServiceLevel.AtLeastOnce);

        // Twenty minutes of both meters, one batch a minute, sent at once (reading time is what the rule holds to):
        // the line draws 80 kW, the treatment unit 0.4 kW, below its registry idle load of 1.5.
        var (agent, code) = await TestDevice.ConnectAsync(_ingest.BrokerPort, _device.Device, RegistryFile.PasswordOf(_device.Device), _device.Device);
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMinute));
        for (var m = 0; m <= 16; m++)
        {
            var at = start.AddMinutes(m);
            await agent.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Telemetry(_device))
                .WithPayload(TelemetryJson.Bytes(TelemetryJson.Batch(_device.Device, m + 1,
                    TelemetryJson.Reading("prod-1", "power", 80 + m, "kW", at),
                    TelemetryJson.Reading("treat-1", "power", 0.4, "kW", at))))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }

        var document = await Poll.UntilAsync(
            () => Task.FromResult(documents.Values.FirstOrDefault(d => d.RuleId == "treatment-not-running" && d.Evidence?[0].Points.Count == 17)),
            d => d is not null, Timeout, "the retained treatment alert with 17 minutes of curves");
        Assert.Equal(("treatment-off", "e-plating", null, AlertStates.Active, true), (document!.Kind, document.Enterprise, document.Device, document.State, document.Bureau));
        Assert.Equal((0.4, "kW"), (document.Value, document.Unit));
        AssertCurves(document.Evidence!, start, minutes: 17);

        // The bureau hears of it once, raised, with the curves as they were when it was raised (minute 15).
        var raised = await Poll.UntilAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(r => r.Status == 200 && Parse(r).RuleId == "treatment-not-running")),
            r => r is not null, Timeout, "the bureau notification");
        var expected = WebhookSignature.Sign(Secret, long.Parse(raised!.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), raised.Body);
        Assert.Equal(expected, raised.Signature);
        var body = Parse(raised);
        Assert.Equal(("raised", "e-plating", "kW"), (body.Event, body.Enterprise!.Id, body.Unit));
        Assert.Contains("HJ 212-2025", body.LimitSource);
        AssertCurves(body.Evidence!, start, minutes: 16);
        using (var raw = JsonDocument.Parse(raised.Body))
        {
            var points = raw.RootElement.GetProperty("evidence")[0].GetProperty("points");
            Assert.Equal(new double[] { start.ToUnixTimeMilliseconds(), 80 }, points[0].EnumerateArray().Select(v => v.GetDouble()).ToArray());
        }
        agent.Dispose();
        watcher.Dispose();
    }

    private static BureauNotification Parse(ReceivedWebhook webhook) =>
        JsonSerializer.Deserialize(webhook.Body, BureauJsonContext.Default.BureauNotification)!;

    private static void AssertCurves(IReadOnlyList<EvidenceCurve> curves, DateTimeOffset start, int minutes)
    {
        Assert.Equal(["生产设备功率", "治污设备功率"], curves.Select(c => c.Label));
        Assert.Equal(["Production power", "Treatment equipment power"], curves.Select(c => c.LabelEn));
        Assert.Equal(["d-meters/prod-1", "d-meters/treat-1"], curves.Select(c => c.Sensor));
        Assert.All(curves, c => Assert.Equal(("power", "kW"), (c.Quantity, c.Unit)));
        var expectedMinutes = Enumerable.Range(0, minutes).Select(m => start.AddMinutes(m).ToUnixTimeMilliseconds()).ToList();
        Assert.Equal(expectedMinutes, curves[0].Points.Select(p => p.UnixMs));
        Assert.Equal(expectedMinutes, curves[1].Points.Select(p => p.UnixMs));
        Assert.Equal(Enumerable.Range(0, minutes).Select(m => 80.0 + m), curves[0].Points.Select(p => p.Value));
        Assert.All(curves[1].Points, p => Assert.Equal(0.4, p.Value));
    }
}
