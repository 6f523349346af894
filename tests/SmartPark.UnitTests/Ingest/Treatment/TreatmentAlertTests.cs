using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;
using SmartPark.Ingest.Notifications.WeCom;
using SmartPark.Ingest.Notifications.Wording;
using static SmartPark.UnitTests.Ingest.Treatment.TreatmentKindTests;

namespace SmartPark.UnitTests.Ingest.Treatment;

/// <summary>
/// The default treatment rules in the alert engine: an enterprise alert raised on reading time with
/// the production and treatment curves attached, refreshed while open, kept across a restart, and
/// carried by the bureau's webhook body and the duty group's message.
/// </summary>
public sealed class TreatmentAlertTests
{
    private static readonly DeviceAddress Edge = new("p1", "e1", "d1");
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private readonly Roles _roles = new(ProductionMeter(), TreatmentMeter());
    private EngineState _state = new();
    private long _seq;

    private static AlertRule Rule(string id) => DefaultRules.All.Single(r => r.Id == id);

    private AlertEvaluator Evaluator() => new(new RuleBook([Rule("treatment-not-running"), Rule("treatment-without-production")]), _roles, _state);

    /// <summary>One batch of the edge device with both meters' power, measured at <paramref name="readAt"/>, received at <paramref name="receivedAt"/>.</summary>
    private void Batch(AlertEvaluator evaluator, DateTimeOffset readAt, DateTimeOffset receivedAt, double production, double treatment) =>
        evaluator.OnBatch(Edge, new TelemetryBatch
        {
            Schema = 1,
            Device = Edge.Device,
            Seq = ++_seq,
            SentAt = receivedAt,
            Readings =
            [
                new Reading { Sensor = "prod-1", Quantity = "power", Value = production, Unit = "kW", Ts = readAt, Flag = DataFlag.Normal },
                new Reading { Sensor = "treat-1", Quantity = "power", Value = treatment, Unit = "kW", Ts = readAt, Flag = DataFlag.Normal },
            ],
        }, receivedAt);

    private List<AlertTransition> Drain()
    {
        var pending = _state.Pending.ToList();
        _state.Pending.Clear();
        return pending;
    }

    [Fact]
    public void An_accelerated_day_raises_on_reading_time_with_both_curves_and_refreshes_them_while_open()
    {
        var evaluator = Evaluator();
        // A simulation sends a minute of readings every 100 ms of wall time: the 15-minute hold is reading time.
        for (var m = 0; m < 15; m++)
            Batch(evaluator, T0.AddMinutes(m), T0.AddMilliseconds(100 * m), production: 80 + m, treatment: 0.2);
        Assert.Empty(Drain());
        Batch(evaluator, T0.AddMinutes(15), T0.AddSeconds(1.5), production: 95, treatment: 0.2);

        var raised = Assert.Single(Drain());
        var alert = raised.Alert;
        Assert.Equal(("treatment-not-running", "treatment-off", true, AlertStates.Active), (alert.RuleId, alert.Kind, alert.Bureau, alert.State));
        Assert.Equal(("p1", "e1", null, null), (alert.Park, alert.Enterprise, alert.Device, alert.Sensor));
        Assert.Equal((0.2, "kW", 1.0), (alert.Value, alert.Unit, alert.Limit));
        Assert.Contains("HJ 212-2025", alert.Source);
        Assert.Contains("分表计电", alert.Source);
        var evidence = alert.Evidence!;
        Assert.Equal(["Production power", "Treatment equipment power"], evidence.Select(c => c.LabelEn));
        Assert.Equal(Enumerable.Range(0, 16).Select(m => T0.AddMinutes(m).ToUnixTimeMilliseconds()), evidence[0].Points.Select(p => p.UnixMs));
        Assert.Equal(Enumerable.Range(0, 16).Select(m => 80.0 + m), evidence[0].Points.Select(p => p.Value));
        Assert.All(evidence[1].Points, p => Assert.Equal(0.2, p.Value));
        Assert.Equal(("d1/prod-1", "d1/treat-1"), (evidence[0].Sensor, evidence[1].Sensor));

        // Still off a minute later: the same alert, its curves one minute longer.
        Batch(evaluator, T0.AddMinutes(16), T0.AddSeconds(1.6), production: 96, treatment: 0.2);
        Assert.Empty(Drain());
        var open = Assert.Single(_state.Alerts.Values);
        Assert.True(open.DocumentDirty);
        Assert.Equal(17, open.Document.Evidence![0].Points.Count);
        Assert.Equal(4, open.Document.Occurrences); // each judged reading while met, as for series rules

        // The scrubber runs again; after the rule's 10-minute hold-off (wall time) the alert clears, its curves showing the recovery.
        Batch(evaluator, T0.AddMinutes(17), T0.AddSeconds(2), production: 96, treatment: 12);
        Batch(evaluator, T0.AddMinutes(27), T0.AddSeconds(2).AddMinutes(10), production: 96, treatment: 12);
        var cleared = Assert.Single(Drain());
        Assert.Equal(AlertStates.Cleared, cleared.To);
        Assert.Equal(12, cleared.Alert.Evidence![1].Points[^1].Value);
    }

    [Fact]
    public void The_hold_and_an_open_alerts_curves_survive_a_restart_of_the_engine()
    {
        var dir = Directory.CreateTempSubdirectory("treatment-state-").FullName;
        try
        {
            var store = new EngineStateStore(dir);
            var evaluator = Evaluator();
            for (var m = 0; m < 10; m++)
                Batch(evaluator, T0.AddMinutes(m), T0.AddMinutes(m), production: 50, treatment: 0);
            store.Save(_state);

            _state = store.Load();
            var memory = Assert.IsType<TreatmentOffState>(_state.Enterprises["p1/e1"].Rules["treatment-not-running"]);
            Assert.Equal(T0.ToUnixTimeMilliseconds(), memory.HeldSinceTs);
            Assert.IsType<TreatmentIdleProductionState>(_state.Enterprises["p1/e1"].Rules["treatment-without-production"]);
            evaluator = Evaluator();
            for (var m = 10; m <= 15; m++)
                Batch(evaluator, T0.AddMinutes(m), T0.AddMinutes(m), production: 50, treatment: 0);
            var raised = Assert.Single(Drain()); // 15 minutes across the restart, not 15 after it
            Assert.Equal(16, raised.Alert.Evidence![0].Points.Count);

            store.Save(_state);
            var reloaded = Assert.Single(store.Load().Alerts.Values).Document;
            Assert.Equal(raised.Alert.Evidence![0].Points, reloaded.Evidence![0].Points);
            Assert.Equal("生产设备功率", reloaded.Evidence[0].Label);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_alert_document_the_webhook_body_and_the_duty_groups_message_carry_the_curves()
    {
        var evaluator = Evaluator();
        for (var m = 0; m <= 15; m++)
            Batch(evaluator, T0.AddMinutes(m), T0.AddMinutes(m), production: 60, treatment: 0.5);
        var raised = Assert.Single(Drain());

        // The retained document: points as [unixMs, value] pairs.
        var document = JsonSerializer.Serialize(raised.Alert, ContractsJsonContext.Default.AlertDocument);
        Assert.Contains($"\"points\":[[{T0.ToUnixTimeMilliseconds()},60],[", document);
        var parsed = JsonSerializer.Deserialize(document, ContractsJsonContext.Default.AlertDocument)!;
        Assert.Equal(raised.Alert.Evidence!.Select(c => c.Points), parsed.Evidence!.Select(c => c.Points));
        Assert.True(document.Length < 8_000, $"{document.Length} bytes"); // two 16-minute curves

        var body = new BureauPayloadBuilder(new NoEnterpriseDirectory()).Build(raised);
        var json = JsonSerializer.Serialize(body, BureauJsonContext.Default.BureauNotification);
        Assert.Contains("\"evidence\":[{\"label\":", json);
        Assert.Contains("\"labelEn\":\"Treatment equipment power\"", json);
        var received = JsonSerializer.Deserialize(json, BureauJsonContext.Default.BureauNotification)!;
        Assert.Equal([16, 16], received.Evidence!.Select(c => c.Points.Count));
        Assert.Equal(0.5, received.Evidence![1].Points[^1].Value);

        var message = new WeComMarkdown(new AlertDescriber(new NoEnterpriseDirectory())).Render(raised, 0);
        Assert.Contains("> 生产设备功率：最新 60，16 分钟内 60–60 kW", message);
        Assert.Contains("> Treatment equipment power: latest 0.5, 0.5–0.5 kW over 16 min", message);
    }

    [Fact]
    public void A_six_hour_window_keeps_the_document_small()
    {
        var rule = Rule("treatment-not-running").Clone();
        ((TreatmentOffKind)rule.Settings!).EvidenceWindow = TreatmentOffKind.MaxEvidenceWindow;
        var evaluator = new AlertEvaluator(new RuleBook([rule]), _roles, _state);
        // Ten hours of readings every 20 s, with awkward values.
        for (var s = 0; s < 10 * 3600; s += 20)
            Batch(evaluator, T0.AddSeconds(s), T0.AddSeconds(s), production: 100 + (s % 7 / 3.0), treatment: 1.0 / 3);
        var document = Assert.Single(_state.Alerts.Values).Document;
        Assert.All(document.Evidence!, c => Assert.Equal(360, c.Points.Count));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ContractsJsonContext.Default.AlertDocument).Length;
        Assert.True(bytes < 40_000, $"{bytes} bytes"); // far under the broker's 1 MiB packet limit
        var memory = (TreatmentState)_state.Enterprises["p1/e1"].Rules["treatment-not-running"];
        Assert.Equal(360, memory.Production.Count);
    }
}
