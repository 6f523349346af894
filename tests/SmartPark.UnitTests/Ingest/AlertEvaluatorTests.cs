using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest;

/// <summary>Each rule kind at and around its limits, and the alert lifecycle, on a hand-driven clock.</summary>
public sealed class AlertEvaluatorTests
{
    private static readonly DeviceAddress Device = new("p1", "e1", "d1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<(string, string), string> _statuses = [];
    private EngineState _state = new();
    private long _seq;

    private sealed class Statuses(Dictionary<(string, string), string> map) : IEnterpriseStatus
    {
        public string? StatusOf(string park, string enterprise) => map.GetValueOrDefault((park, enterprise));
    }

    private static AlertRule Rule(string id) => DefaultRules.All.Single(r => r.Id == id);

    private AlertEvaluator Evaluator(params AlertRule[] rules) => new(new RuleBook(rules.Length > 0 ? rules : DefaultRules.All), new Statuses(_statuses), _state);

    private void Read(AlertEvaluator evaluator, DateTimeOffset at, string sensor, string quantity, double value, DeviceAddress? device = null, string flag = DataFlag.Normal)
    {
        var d = device ?? Device;
        evaluator.OnBatch(d, new TelemetryBatch
        {
            Schema = 1,
            Device = d.Device,
            Seq = ++_seq,
            SentAt = at,
            Readings = [new Reading { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = at, Flag = flag }],
        }, at);
    }

    private List<AlertTransition> Drain()
    {
        var pending = _state.Pending.ToList();
        _state.Pending.Clear();
        return pending;
    }

    /// <summary>No transition happened; says which did if some did.</summary>
    private void AssertNone()
    {
        var pending = Drain();
        Assert.True(pending.Count == 0, "unexpected transitions: " + string.Join("; ", pending.Select(t => $"{t.Alert.RuleId} {t.From}->{t.To} value {t.Alert.Value} at {t.At:HH:mm:ss}")));
    }

    private AlertDocument Only(string ruleId) => Assert.Single(_state.Alerts.Values, a => a.Document.RuleId == ruleId).Document;

    [Fact]
    public void Instant_nmhc_raises_above_20_not_at_20_and_counts_occurrences_in_one_alert()
    {
        var e = Evaluator(Rule("nmhc-inplant-instant-gd"));
        Read(e, T0, "voc-1", "nmhc", 20.0);
        AssertNone();
        Read(e, T0.AddSeconds(5), "voc-1", "nmhc", 20.01);
        var raised = Assert.Single(Drain());
        Assert.Equal((null, AlertStates.Active), (raised.From, raised.To));
        Assert.Equal("nmhc-inplant-instant-gd", raised.Alert.RuleId);
        Assert.True(raised.Alert.Bureau);
        Assert.Equal(20, raised.Alert.Limit);
        Assert.Contains("DB44/2367-2022", raised.Alert.Source);

        Read(e, T0.AddSeconds(10), "voc-1", "nmhc", 35);
        Read(e, T0.AddSeconds(15), "voc-1", "nmhc", 25);
        AssertNone(); // occurrences update the alert, they are not transitions
        var doc = Only("nmhc-inplant-instant-gd");
        Assert.Equal((3L, 35.0, 25.0), (doc.Occurrences, doc.Peak!.Value, doc.Value!.Value));
    }

    [Fact]
    public void Hold_off_stops_a_value_hovering_at_the_limit_from_flapping()
    {
        var e = Evaluator(Rule("nmhc-inplant-instant-gd"));
        var t = T0;
        foreach (var v in new[] { 21.0, 19.5, 20.5, 19.9, 20.2, 19.0 })
        {
            Read(e, t, "voc-1", "nmhc", v);
            t = t.AddSeconds(30);
            e.OnTick(t);
        }
        Assert.Single(Drain()); // raised once, never cleared: false for less than 5 minutes at a time
        e.OnTick(t.AddMinutes(4));
        AssertNone();
        e.OnTick(t.AddMinutes(5));
        var cleared = Assert.Single(Drain());
        Assert.Equal((AlertStates.Active, AlertStates.Cleared), (cleared.From, cleared.To));
    }

    [Theory]
    [InlineData(DataFlag.Calibration)]
    [InlineData(DataFlag.Maintenance)]
    [InlineData(DataFlag.Fault)]
    [InlineData(DataFlag.Manual)]
    [InlineData(DataFlag.Stopped)]
    [InlineData(DataFlag.CommunicationFault)]
    public void A_value_that_is_not_measured_raises_nothing(string flag)
    {
        // Span gas at 50 mg/m³ during calibration, or a faulty analyser's stale value.
        var e = Evaluator();
        for (var i = 0; i < 12; i++)
            Read(e, T0.AddMinutes(i * 5), "voc-1", "nmhc", 50, flag: flag);
        e.OnTick(T0.AddMinutes(60));
        AssertNone();
        Assert.Empty(_state.Alerts);
    }

    [Fact]
    public void An_over_range_value_is_measured_and_raises()
    {
        var e = Evaluator(Rule("nmhc-inplant-instant-gd"));
        Read(e, T0, "voc-1", "nmhc", 50, flag: DataFlag.OverRange);
        Assert.Equal("nmhc-inplant-instant-gd", Assert.Single(Drain()).Alert.RuleId);
    }

    [Fact]
    public void A_faulty_sensor_neither_keeps_nor_clears_an_alarm()
    {
        var e = Evaluator(Rule("nmhc-inplant-instant-gd"), Rule("nmhc-inplant-1h-gd"));
        Read(e, T0, "voc-1", "nmhc", 25);
        Assert.Single(Drain(), t => t.Alert.RuleId == "nmhc-inplant-instant-gd");
        // The sensor fails: its wrapper sends 0 (nothing read yet) or the last good value, flagged D.
        for (var i = 1; i <= 20; i++)
            Read(e, T0.AddSeconds(30 * i), "voc-1", "nmhc", i % 2 == 0 ? 0 : 25, flag: DataFlag.Fault);
        e.OnTick(T0.AddMinutes(11));
        Assert.DoesNotContain(Drain(), t => t.To == AlertStates.Cleared);
        Assert.Equal((1L, 25.0), (Only("nmhc-inplant-instant-gd").Occurrences, Only("nmhc-inplant-instant-gd").Value!.Value));

        // It recovers and reads low: measured again, the alarm clears after its hold-off.
        Read(e, T0.AddMinutes(12), "voc-1", "nmhc", 3);
        e.OnTick(T0.AddMinutes(18));
        Assert.Contains(Drain(), t => t.Alert.RuleId == "nmhc-inplant-instant-gd" && t.To == AlertStates.Cleared);
    }

    [Fact]
    public void The_hourly_mean_leaves_out_calibration_values()
    {
        var e = Evaluator(Rule("nmhc-inplant-1h-gd"));
        // An hour at 5 mg/m³ with a span-gas check at 50 every 10 minutes: the mean of what was
        // measured is 5, under the 6 limit (with the span gas it would be 27.5).
        for (var i = 0; i < 12; i++)
        {
            Read(e, T0.AddMinutes(i * 5), "voc-1", "nmhc", 5);
            if (i % 2 == 0)
                Read(e, T0.AddMinutes(i * 5 + 1), "voc-1", "nmhc", 50, flag: DataFlag.Calibration);
        }
        e.OnTick(T0.AddMinutes(60));
        AssertNone();
    }

    [Fact]
    public void Outside_guangdong_the_national_limits_apply()
    {
        var book = new RuleBook(DefaultRules.All, new Dictionary<string, string> { ["p1"] = DefaultRules.National });
        var e = new AlertEvaluator(book, new Statuses(_statuses), _state);
        Read(e, T0, "voc-1", "nmhc", 25);
        AssertNone();
        Read(e, T0.AddSeconds(5), "voc-1", "nmhc", 30.5);
        Assert.Equal("nmhc-inplant-instant", Assert.Single(Drain()).Alert.RuleId);
    }

    [Fact]
    public void Hourly_mean_above_6_raises_and_the_timer_clears_it_when_data_stops()
    {
        var e = Evaluator();
        // 12 readings over an hour, mean 6.5: above the 1-hour limit, never above the instant one.
        for (var i = 0; i < 12; i++)
            Read(e, T0.AddMinutes(i * 5), "voc-1", "nmhc", i % 2 == 0 ? 6.0 : 7.0);
        var raised = Assert.Single(Drain());
        Assert.Equal("nmhc-inplant-1h-gd", raised.Alert.RuleId);
        Assert.Equal("PT1H", raised.Alert.Averaging);
        Assert.Equal(6.5, Only("nmhc-inplant-1h-gd").Value);

        // The device goes silent: the window empties on the clock alone, then the hold-off passes.
        e.OnTick(T0.AddMinutes(55).AddHours(1));
        var transitions = Drain().Where(t => t.Alert.RuleId == "nmhc-inplant-1h-gd").ToList();
        Assert.DoesNotContain(transitions, t => t.To == AlertStates.Cleared);
        e.OnTick(T0.AddMinutes(61).AddHours(1));
        Assert.Contains(Drain(), t => t.Alert.RuleId == "nmhc-inplant-1h-gd" && t.To == AlertStates.Cleared);
    }

    [Fact]
    public void A_mean_over_a_gap_uses_only_readings_inside_the_window_and_survives_a_restart()
    {
        var rule = DefaultRules.All.Single(r => r.Id == "nmhc-inplant-1h-gd");
        var e = Evaluator(rule);
        Read(e, T0, "voc-1", "nmhc", 30); // a peak that will leave the window during the gap
        Read(e, T0.AddMinutes(10), "voc-1", "nmhc", 5);
        Read(e, T0.AddMinutes(20), "voc-1", "nmhc", 5);
        Assert.Equal(AlertStates.Active, Assert.Single(Drain()).To); // mean 13.33

        // Restart: state saved and loaded.
        var dir = Directory.CreateTempSubdirectory("alert-state-").FullName;
        try
        {
            var store = new EngineStateStore(dir);
            store.Save(_state);
            _state = store.Load();
            e = Evaluator(rule);

            // The window still holds the readings from before the restart: (30+5+5+5)/4.
            Read(e, T0.AddMinutes(30), "voc-1", "nmhc", 5);
            Assert.Equal(11.25, Only(rule.Id).Value);

            // After a 50-minute gap the 30 has left the window: (5+5+5.5+6)/4 = 5.375, under the limit.
            Read(e, T0.AddMinutes(80), "voc-1", "nmhc", 5);
            Read(e, T0.AddMinutes(82), "voc-1", "nmhc", 5.5);
            AssertNone();
            Read(e, T0.AddMinutes(85), "voc-1", "nmhc", 6);
            // False since minute 80; the 5-minute hold-off has passed: cleared.
            var cleared = Assert.Single(Drain());
            Assert.Equal((AlertStates.Cleared, 5.375), (cleared.To, cleared.Alert.Value));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Rate_of_rise_fires_at_4_degrees_per_minute_over_the_window_and_not_below()
    {
        var rule = DefaultRules.All.Single(r => r.Id == "heat-rate-of-rise");
        var e = Evaluator(rule);
        for (var s = 0; s <= 120; s += 10)
            Read(e, T0.AddSeconds(s), "heat-1", "temperature", 25 + (s / 60.0 * 3.9));
        AssertNone();
        for (var s = 130; s <= 400; s += 10)
            Read(e, T0.AddSeconds(s), "heat-1", "temperature", 25 + (2 * 3.9) + ((s - 120) / 60.0 * 4.5));
        var raised = Assert.Single(Drain());
        Assert.InRange(raised.Alert.Value!.Value, 4.0, 4.6);
        Assert.Equal("degC/min", raised.Alert.Unit);
    }

    [Fact]
    public void Heat_static_threshold_is_in_the_A1_band_with_a_deadband()
    {
        var rule = DefaultRules.All.Single(r => r.Id == "heat-static");
        Assert.InRange(rule.Limit!.Value, 54, 65);
        var e = Evaluator(rule);
        Read(e, T0, "heat-1", "temperature", 58);
        Read(e, T0.AddSeconds(1), "temperature-room", "temperature", 90); // not a heat detector
        AssertNone();
        Read(e, T0.AddSeconds(2), "heat-1", "temperature", 58.5);
        Assert.Single(Drain());
        Read(e, T0.AddSeconds(3), "heat-1", "temperature", 52); // between ClearAt and the limit: keeps the alarm
        e.OnTick(T0.AddMinutes(5));
        AssertNone();
        Read(e, T0.AddMinutes(5), "heat-1", "temperature", 49);
        e.OnTick(T0.AddMinutes(6));
        Assert.Equal(AlertStates.Cleared, Assert.Single(Drain()).To);
    }

    [Fact]
    public void Smoke_then_heat_within_two_minutes_is_a_confirmed_fire()
    {
        var e = Evaluator();
        Read(e, T0, "smoke-1", "smoke", 1);
        Assert.Equal("smoke", Assert.Single(Drain()).Alert.RuleId);
        Read(e, T0.AddSeconds(90), "heat-1", "temperature", 60, new DeviceAddress("p1", "e1", "d2"));
        var fire = Drain().Select(t => t.Alert).ToList();
        Assert.Contains(fire, a => a.RuleId == "heat-static");
        var confirmed = Assert.Single(fire, a => a.RuleId == "fire-confirmed");
        Assert.Equal((AlertSeverities.Critical, "e1", (string?)null), (confirmed.Severity, confirmed.Enterprise, confirmed.Device));
    }

    [Fact]
    public void Smoke_and_heat_too_far_apart_or_at_different_enterprises_are_not_a_confirmed_fire()
    {
        var e = Evaluator();
        Read(e, T0, "smoke-1", "smoke", 1);
        Read(e, T0.AddSeconds(1), "smoke-1", "smoke", 0);
        Read(e, T0.AddSeconds(30), "heat-1", "temperature", 60, new DeviceAddress("p1", "e2", "d9"));
        Read(e, T0.AddMinutes(3), "heat-1", "temperature", 61);
        Assert.DoesNotContain(Drain(), t => t.Alert.RuleId == "fire-confirmed");
    }

    [Fact]
    public void A_silent_device_goes_offline_by_the_timer_alone_and_comes_back()
    {
        var e = Evaluator();
        for (var i = 0; i < 5; i++)
            Read(e, T0.AddSeconds(i * 30), "voc-1", "nmhc", 1 + (i * 0.1)); // reports every 30 s
        Drain();
        e.OnTick(T0.AddSeconds(120 + 89)); // 89 s of silence: under 3 intervals
        AssertNone();
        e.OnTick(T0.AddSeconds(120 + 91));
        var offline = Assert.Single(Drain());
        Assert.Equal(("device-offline", "d1", (string?)null), (offline.Alert.RuleId, offline.Alert.Device, offline.Alert.Sensor));

        Read(e, T0.AddSeconds(400), "voc-1", "nmhc", 1.7);
        // Back: cleared and, needing no acknowledgement, closed at once.
        Assert.Equal([AlertStates.Cleared, AlertStates.Closed], Drain().Where(t => t.Alert.RuleId == "device-offline").Select(t => t.To));
        Assert.Empty(_state.Alerts);
    }

    [Fact]
    public void A_sensor_that_stops_changing_is_stuck()
    {
        var e = Evaluator(DefaultRules.All.Single(r => r.Id == "nmhc-stuck"));
        Read(e, T0, "voc-1", "nmhc", 1.2);
        Read(e, T0.AddMinutes(1), "voc-1", "nmhc", 1.3);
        for (var m = 2; m <= 30; m++)
            Read(e, T0.AddMinutes(m), "voc-1", "nmhc", 1.3);
        AssertNone(); // 29 minutes unchanged
        Read(e, T0.AddMinutes(31), "voc-1", "nmhc", 1.3);
        Assert.Equal("nmhc-stuck", Assert.Single(Drain()).Alert.RuleId);
        Read(e, T0.AddMinutes(32), "voc-1", "nmhc", 1.31);
        Assert.Equal([AlertStates.Cleared, AlertStates.Closed], Drain().Select(t => t.To));
    }

    [Fact]
    public void A_shut_down_enterprise_drawing_power_for_10_minutes_is_suspected_of_operating()
    {
        _statuses[("p1", "e1")] = "shut_down";
        var e = Evaluator(DefaultRules.All.Single(r => r.Id == "shut-down-drawing-power"));
        Read(e, T0, "meter-1", "power", 1.5); // below the noise floor
        Read(e, T0.AddMinutes(1), "meter-1", "power", 30);
        Read(e, T0.AddMinutes(10.9), "meter-1", "power", 31);
        AssertNone();
        Read(e, T0.AddMinutes(11), "meter-1", "power", 29);
        var alert = Assert.Single(Drain()).Alert;
        Assert.True(alert.Bureau);
        // The same draw at an operating enterprise is nothing.
        Read(e, T0, "meter-1", "power", 30, new DeviceAddress("p1", "e-ok", "d1"));
        Read(e, T0.AddMinutes(20), "meter-1", "power", 30, new DeviceAddress("p1", "e-ok", "d1"));
        AssertNone();
    }

    [Fact]
    public void Acknowledge_then_clear_then_close_with_one_event_each()
    {
        var e = Evaluator(Rule("flame"));
        Read(e, T0, "flame-1", "flame", 1);
        var id = Assert.Single(Drain()).AlertId;
        Assert.Equal("acknowledged", e.Lifecycle.Acknowledge(id, new AlertAck { By = "Li Wei", Comment = "on site" }, T0.AddSeconds(20)));
        Assert.Equal("already acknowledged", e.Lifecycle.Acknowledge(id, new AlertAck { By = "Li Wei" }, T0.AddSeconds(21)));
        Read(e, T0.AddSeconds(40), "flame-1", "flame", 0);
        e.OnTick(T0.AddSeconds(71));
        e.OnTick(T0.AddSeconds(71).AddMinutes(5));
        var steps = Drain();
        Assert.Equal([AlertStates.Acknowledged, AlertStates.Cleared, AlertStates.Closed], steps.Select(t => t.To));
        Assert.Equal([2L, 3L, 4L], steps.Select(t => t.Sequence));
        Assert.Equal(("Li Wei", "on site"), (steps[0].By, steps[0].Comment));
        Assert.Equal("Li Wei", steps[2].Alert.AcknowledgedBy);
        Assert.Empty(_state.Alerts);
        Assert.Equal("unknown or already closed", e.Lifecycle.Acknowledge(id, new AlertAck { By = "x" }, T0.AddHours(1)));
    }

    [Fact]
    public void A_bureau_receipt_is_recorded_on_a_bureau_alert_without_changing_its_state()
    {
        var e = Evaluator(Rule("nmhc-inplant-instant-gd"), Rule("flame"));
        Read(e, T0, "voc-1", "nmhc", 25);
        Read(e, T0, "flame-1", "flame", 1);
        var raised = Drain();
        var emission = raised.Single(t => t.Alert.RuleId == "nmhc-inplant-instant-gd").AlertId;
        var fire = raised.Single(t => t.Alert.RuleId == "flame").AlertId;

        Assert.Equal("receipt recorded", e.Lifecycle.ConfirmReceipt(emission, new AlertAck { By = "bureau-li", Receipt = true }, T0.AddMinutes(1)));
        Assert.Equal("receipt already recorded", e.Lifecycle.ConfirmReceipt(emission, new AlertAck { By = "bureau-li", Receipt = true }, T0.AddMinutes(2)));
        Assert.Equal("not a bureau alert: receipt not recorded", e.Lifecycle.ConfirmReceipt(fire, new AlertAck { By = "bureau-li", Receipt = true }, T0.AddMinutes(1)));

        var doc = _state.Alerts.Values.Single(a => a.Document.AlertId == emission);
        Assert.Equal((AlertStates.Active, "bureau-li", T0.AddMinutes(1)), (doc.Document.State, doc.Document.BureauReceivedBy, doc.Document.BureauReceivedAt));
        Assert.True(doc.DocumentDirty); // republished, so every Dashboard shows it
        Assert.Empty(Drain()); // no transition: the park still has to handle it
    }

    [Fact]
    public void A_cleared_alert_waits_for_its_acknowledgement_and_comes_back_as_the_same_alert()
    {
        var e = Evaluator(Rule("flame"));
        Read(e, T0, "flame-1", "flame", 1);
        var id = Assert.Single(Drain()).AlertId;
        Read(e, T0.AddSeconds(10), "flame-1", "flame", 0);
        e.OnTick(T0.AddMinutes(30));
        Assert.Equal(AlertStates.Cleared, Assert.Single(Drain()).To); // unacknowledged: stays cleared
        Read(e, T0.AddMinutes(31), "flame-1", "flame", 1);
        var back = Assert.Single(Drain());
        Assert.Equal((id, AlertStates.Cleared, AlertStates.Active), (back.AlertId, back.From, back.To));
        Read(e, T0.AddMinutes(32), "flame-1", "flame", 0);
        e.OnTick(T0.AddMinutes(40));
        Drain();
        Assert.Equal("closed", e.Lifecycle.Acknowledge(id, new AlertAck { By = "Chen" }, T0.AddMinutes(41)));
        Assert.Equal(AlertStates.Closed, Assert.Single(Drain()).To);
    }

    [Fact]
    public void Per_enterprise_overrides_win_over_park_and_defaults()
    {
        var defaults = DefaultRules.All.Single(r => r.Id == "nmhc-inplant-instant-gd");
        var park = defaults.Clone();
        park.Park = "p1";
        ((ILimitedKind)park.Settings!).Limit = 15;
        var enterprise = defaults.Clone();
        enterprise.Park = "p1";
        enterprise.Enterprise = "e1";
        enterprise.Enabled = false;
        var book = new RuleBook([defaults, park, enterprise]);
        Assert.Null(book.Find(defaults.Id, new DeviceAddress("p1", "e1", "d1")));
        Assert.Equal(15, book.Find(defaults.Id, new DeviceAddress("p1", "e2", "d1"))!.Limit);
        Assert.Equal(20, book.Find(defaults.Id, new DeviceAddress("p2", "e2", "d1"))!.Limit);
    }

    [Fact]
    public void Invalid_rules_are_refused_with_every_problem()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new RuleBook([new AlertRule { Id = "x", Kind = "threshold" }, new AlertRule { Id = "y", Kind = "magic" }]));
        Assert.Contains("rule 'x' (threshold) needs Quantity and Limit", ex.Message);
        Assert.Contains("rule 'y': unknown kind 'magic'", ex.Message);
    }

    [Fact]
    public void Every_default_rule_cites_its_source_and_emission_rules_go_to_the_bureau()
    {
        Assert.All(DefaultRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(DefaultRules.All.Where(r => r.Quantity == "nmhc" && r.Settings is not FlatlineKind), r => Assert.True(r.Bureau));
        Assert.All(DefaultRules.All.Where(r => r.Settings is RegistryKind), r => Assert.True(r.Bureau));
        _ = new RuleBook(DefaultRules.All);
    }
}
