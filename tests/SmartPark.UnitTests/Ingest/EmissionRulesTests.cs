using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;
using SmartPark.Ingest.Emissions;

namespace SmartPark.UnitTests.Ingest;

/// <summary>
/// The emission rules on the evaluator: pH outside 6–9, a shut-down enterprise discharging at night
/// (China time), converted NOx judged by its hourly mean and never during a calibration, on a
/// hand-driven clock.
/// </summary>
public sealed class EmissionRulesTests
{
    private static readonly DeviceAddress Boiler = new("p1", "e1", "d-cems");
    private static readonly DeviceAddress Outfall = new("p1", "e1", "d-water");
    /// <summary>22:00 China time (UTC+8) on 2026-12-07.</summary>
    private static readonly DateTimeOffset ChinaTen = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<(string, string), string> _statuses = [];
    private readonly EngineState _state = new();
    private long _seq;

    private sealed class Statuses(Dictionary<(string, string), string> map) : IEnterpriseStatus
    {
        public string? StatusOf(string park, string enterprise) => map.GetValueOrDefault((park, enterprise));
    }

    private static AlertRule Rule(string id) => DefaultRules.All.Single(r => r.Id == id);

    private AlertEvaluator Evaluator(params AlertRule[] rules) => new(new RuleBook(rules), new Statuses(_statuses), _state);

    private void Read(AlertEvaluator evaluator, DeviceAddress device, DateTimeOffset at, params Reading[] readings) =>
        evaluator.OnBatch(device, new TelemetryBatch { Schema = 1, Device = device.Device, Seq = ++_seq, SentAt = at, Readings = readings }, at);

    private static Reading R(string sensor, string quantity, double value, DateTimeOffset at, string flag = DataFlag.Normal) =>
        new() { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = at, Flag = flag };

    private List<AlertTransition> Drain()
    {
        var pending = _state.Pending.ToList();
        _state.Pending.Clear();
        return pending;
    }

    [Fact]
    public void Ph_below_6_or_above_9_raises_and_6_to_9_does_not()
    {
        var e = Evaluator(Rule("ph-range"));
        var t = ChinaTen;
        Read(e, Outfall, t, R("w-1", "ph", 6.0, t));
        Read(e, Outfall, t.AddMinutes(1), R("w-1", "ph", 9.0, t.AddMinutes(1)));
        Assert.Empty(Drain());
        Read(e, Outfall, t.AddMinutes(2), R("w-1", "ph", 5.9, t.AddMinutes(2)));
        var low = Assert.Single(Drain());
        Assert.Equal(("ph-range", AlertStates.Active, 5.9), (low.Alert.RuleId, low.To, low.Alert.Value!.Value));
        Assert.Contains("GB 8978-1996", low.Alert.Source);

        // Back in range: clears after the hold-off (10 minutes).
        Read(e, Outfall, t.AddMinutes(3), R("w-1", "ph", 7.0, t.AddMinutes(3)));
        e.OnTick(t.AddMinutes(14));
        Assert.Equal(AlertStates.Cleared, Assert.Single(Drain()).To);

        var high = Evaluator(Rule("ph-range"));
        Read(high, Outfall, t.AddHours(1), R("w-2", "ph", 9.01, t.AddHours(1)));
        Assert.Contains(Drain(), x => x.Alert.Sensor == "w-2" && x.To == AlertStates.Active);
    }

    [Fact]
    public void A_threshold_may_be_only_a_lower_bound_but_not_an_empty_or_inverted_range()
    {
        Assert.Empty(new AlertRule { Id = "low", Quantity = "ph", Settings = new ThresholdKind { Below = 6 } }.Problems());
        Assert.Contains(new AlertRule { Id = "none", Quantity = "ph", Settings = new ThresholdKind() }.Problems(), p => p.Contains("needs Limit", StringComparison.Ordinal));
        Assert.Contains(new AlertRule { Id = "inverted", Quantity = "ph", Settings = new ThresholdKind { Below = 9, Limit = 6 } }.Problems(), p => p.Contains("Below must be lower", StringComparison.Ordinal));

        var onlyLow = new ThresholdKind { Below = 6 };
        var registry = new Statuses([]);
        Assert.True(onlyLow.OnReading(new SeriesReading(Outfall, 0, 5.5, registry), null).Met);
        Assert.False(onlyLow.OnReading(new SeriesReading(Outfall, 0, 6, registry), null).Met);
        Assert.False(onlyLow.OnReading(new SeriesReading(Outfall, 0, 13, registry), null).Met);
    }

    [Fact]
    public void A_shut_down_enterprise_discharging_for_10_minutes_after_22_00_China_time_raises()
    {
        _statuses[("p1", "e1")] = RenovationStatus.ShutDown;
        var e = Evaluator(Rule("night-discharge"));
        // 21:55 to 22:09 China time at 0.5 L/s: the time before 22:00 does not count, 9 minutes after it do not raise.
        for (var minute = -5; minute < 10; minute++)
            Read(e, Outfall, ChinaTen.AddMinutes(minute), R("w-1", "wastewater_flow", 0.5, ChinaTen.AddMinutes(minute)));
        Assert.Empty(Drain());
        Read(e, Outfall, ChinaTen.AddMinutes(10), R("w-1", "wastewater_flow", 0.5, ChinaTen.AddMinutes(10)));
        var raised = Assert.Single(Drain());
        Assert.Equal(("night-discharge", AlertStates.Active, true), (raised.Alert.RuleId, raised.To, raised.Alert.Bureau));
    }

    [Fact]
    public void Night_discharge_ignores_the_day_a_trickle_and_an_operating_enterprise()
    {
        _statuses[("p1", "e1")] = RenovationStatus.ShutDown;
        _statuses[("p1", "e2")] = RenovationStatus.Operating;
        var e = Evaluator(Rule("night-discharge"));
        var operating = Outfall with { Enterprise = "e2" };
        // 05:50 to 06:30 China time: the window ends at 06:00 before 10 minutes are up; the morning does not count.
        var dawn = ChinaTen.AddHours(7).AddMinutes(50);
        for (var minute = 0; minute <= 40; minute++)
            Read(e, Outfall, dawn.AddMinutes(minute), R("w-1", "wastewater_flow", 2, dawn.AddMinutes(minute)));
        // At night: a trickle at the floor at e1, a real flow at the operating e2.
        for (var minute = 0; minute <= 30; minute++)
        {
            Read(e, Outfall, ChinaTen.AddHours(1).AddMinutes(minute), R("w-2", "wastewater_flow", 0.1, ChinaTen.AddHours(1).AddMinutes(minute)));
            Read(e, operating, ChinaTen.AddHours(1).AddMinutes(minute), R("w-1", "wastewater_flow", 3, ChinaTen.AddHours(1).AddMinutes(minute)));
        }
        Assert.Empty(Drain());
    }

    [Fact]
    public void The_night_window_runs_over_midnight_in_China_time()
    {
        var night = new RegistryKind { NoiseFloor = 0.1, For = TimeSpan.FromMinutes(10), RequiredStatus = "shut_down", LocalFrom = TimeSpan.FromHours(22), LocalUntil = TimeSpan.FromHours(6) };
        long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
        Assert.True(night.InWindow(Ms(ChinaTen)));                    // 22:00
        Assert.True(night.InWindow(Ms(ChinaTen.AddHours(3))));        // 01:00
        Assert.True(night.InWindow(Ms(ChinaTen.AddHours(8).AddTicks(-1)))); // 05:59:59.999
        Assert.False(night.InWindow(Ms(ChinaTen.AddHours(8))));       // 06:00
        Assert.False(night.InWindow(Ms(ChinaTen.AddHours(-1))));      // 21:00
        Assert.False(night.InWindow(Ms(ChinaTen.AddHours(12))));      // 10:00
        Assert.Contains(new AlertRule { Id = "half", Quantity = "power", Settings = new RegistryKind { NoiseFloor = 1, For = TimeSpan.FromMinutes(1), RequiredStatus = "shut_down", LocalFrom = TimeSpan.FromHours(22) } }.Problems(),
            p => p.Contains("go together", StringComparison.Ordinal));
        Assert.True(new RegistryKind().InWindow(0)); // no window: all day
    }

    /// <summary>The readings a CEMS round adds up to once Ingest has derived its converted values (as Ingest does, with the registry's settings).</summary>
    private static Reading[] CemsRound(DateTimeOffset at, double nox, double o2, string flag = DataFlag.Normal)
    {
        var device = new RegistryDevice
        {
            Id = Boiler.Device,
            Credential = "x",
            Sensors = [new RegistrySensor { Id = "cems-1", Quantities = ["nox", "o2"], Emission = new EmissionSettings { ReferenceOxygen = 3.5 } }],
        };
        var batch = new TelemetryBatch { Schema = 1, Device = Boiler.Device, Seq = 1, SentAt = at, Readings = [R("cems-1", "nox", nox, at, flag), R("cems-1", "o2", o2, at, flag)] };
        return [.. DerivedReadings.Append(batch, device).Readings!];
    }

    [Fact]
    public void Converted_nox_above_the_hourly_limit_raises_and_a_calibration_with_span_gas_never_does()
    {
        var e = Evaluator(Rule("nox-1h"));
        // A calibration: span gas at 400 mg/m³, the analyser flags every value C, so the converted ones are C too.
        for (var minute = 0; minute < 30; minute++)
        {
            var round = CemsRound(ChinaTen.AddMinutes(minute), 400, 6, DataFlag.Calibration);
            Assert.Equal(DataFlag.Calibration, Assert.Single(round, r => r.Quantity == "nox_converted").Flag);
            Read(e, Boiler, ChinaTen.AddMinutes(minute), round);
        }
        e.OnTick(ChinaTen.AddMinutes(31));
        Assert.Empty(Drain());

        // Measured: 180 mg/m³ at 6 % O₂ is 210 at 3.5 %; the third reading makes the mean count.
        for (var minute = 31; minute < 33; minute++)
            Read(e, Boiler, ChinaTen.AddMinutes(minute), CemsRound(ChinaTen.AddMinutes(minute), 180, 6));
        Assert.Empty(Drain());
        Read(e, Boiler, ChinaTen.AddMinutes(33), CemsRound(ChinaTen.AddMinutes(33), 180, 6));
        var raised = Assert.Single(Drain());
        Assert.Equal(("nox-1h", 200.0, 210.0), (raised.Alert.RuleId, raised.Alert.Limit!.Value, raised.Alert.Value!.Value));
        Assert.Equal("nox_converted", raised.Alert.Quantity);
    }
}
