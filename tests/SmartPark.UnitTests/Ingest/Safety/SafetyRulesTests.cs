using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Safety;

/// <summary>
/// The default safety rules (electrical fire, gas, fire water) on the evaluator and a hand-driven clock: each raises
/// just over its figure and not just under it, keeps its alert through the deadband, and clears past it after its
/// hold-off; the voltage and current rules judge each phase against its circuit's registry rating.
/// </summary>
public sealed class SafetyRulesTests
{
    private static readonly DeviceAddress Board = new("p1", "e1", "d-board");
    /// <summary>03:00 China time (UTC+8) on 2026-12-08: nobody on site.</summary>
    private static readonly DateTimeOffset NightChina = new(2026, 12, 7, 19, 0, 0, TimeSpan.Zero);
    private readonly EngineState _state = new();
    private readonly Ratings _ratings = new();
    private long _seq;

    private static readonly string[] AgreedIds =
    [
        "residual-current", "cable-temperature", "arc-fault", "overload", "overvoltage", "undervoltage", "phase-loss",
        "gas-lel-low", "gas-lel-high", "h2s-high", "co-ambient-high", "nh3-high", "cl2-high", "fire-water-pressure-low", "fire-water-level-low",
    ];

    /// <summary>The registry's ratings of the board's sensors: phase L1 of a 63 A feeder at 220 V.</summary>
    private sealed class Ratings : IEnterpriseStatus
    {
        public Dictionary<(string Sensor, string Rating), double> Of { get; } = new()
        {
            [("feeder-l1", CircuitRatings.RatedCurrent)] = 63,
            [("feeder-l1", CircuitRatings.NominalVoltage)] = 220,
        };

        public string? StatusOf(string park, string enterprise) => "operating";

        public double? RatingOf(DeviceAddress device, string sensor, string rating) =>
            device == Board && Of.TryGetValue((sensor, rating), out var value) ? value : null;
    }

    private static AlertRule Rule(string id) => DefaultRules.All.Single(r => r.Id == id);

    private AlertEvaluator Evaluator(string id) => new(new RuleBook([Rule(id)]), _ratings, _state);

    private void Read(AlertEvaluator evaluator, DateTimeOffset at, string sensor, string quantity, double value) =>
        evaluator.OnBatch(Board, new TelemetryBatch
        {
            Schema = 1,
            Device = Board.Device,
            Seq = ++_seq,
            SentAt = at,
            Readings = [new() { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = at, Flag = DataFlag.Normal }],
        }, at);

    private List<AlertTransition> Drain()
    {
        var pending = _state.Pending.ToList();
        _state.Pending.Clear();
        return pending;
    }

    [Fact]
    public void Every_agreed_safety_rule_is_a_default_marked_safety_citing_its_source_and_valid()
    {
        foreach (var id in AgreedIds)
        {
            var rule = Rule(id);
            Assert.True(rule.Safety, id);
            Assert.True(rule.Enabled, id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), id);
            Assert.Empty(rule.Problems());
        }
        Assert.Contains("GB 50116-2013 §9.2.3", Rule("residual-current").Source);
        Assert.Contains("GB/T 50493-2019", Rule("gas-lel-low").Source);
        Assert.Contains("GBZ 2.1-2019", Rule("cl2-high").Source);
        Assert.Contains("GB 50974-2014", Rule("fire-water-pressure-low").Source);
        Assert.Equal(DefaultRules.All.Count, DefaultRules.All.Select(r => r.Id).Distinct().Count());
    }

    /// <summary>An upper limit: under it nothing; over it raises; in the deadband it stays; at the clearing figure it clears after the hold-off.</summary>
    [Theory]
    [InlineData("residual-current", "residual_current", 299.9, 300.1, 260, 250)]
    [InlineData("cable-temperature", "cable_temperature", 69.9, 70.1, 65, 60)]
    [InlineData("gas-lel-low", "gas_lel", 24.9, 25.1, 22, 20)]
    [InlineData("gas-lel-high", "gas_lel", 49.9, 50.1, 45, 40)]
    [InlineData("h2s-high", "h2s", 6.9, 7.1, 6, 5)]
    [InlineData("co-ambient-high", "co_ambient", 16.9, 17.1, 15, 12)]
    [InlineData("nh3-high", "nh3", 27.9, 28.1, 25, 20)]
    [InlineData("cl2-high", "cl2", 0.33, 0.35, 0.3, 0.25)]
    public void An_upper_limit_raises_just_over_it_and_clears_past_its_deadband(string id, string quantity, double under, double over, double deadband, double clear) =>
        RaisesAndClears(id, "s1", quantity, under, over, deadband, clear);

    /// <summary>A lower bound: fire water is judged at any hour; the tests read at 03:00 China time.</summary>
    [Theory]
    [InlineData("fire-water-pressure-low", "fire_water_pressure", 0.151, 0.149, 0.18, 0.2)]
    [InlineData("fire-water-level-low", "fire_water_level", 0.51, 0.49, 0.55, 0.6)]
    public void A_lower_bound_raises_just_under_it_at_night_and_clears_past_its_deadband(string id, string quantity, double above, double below, double deadband, double clear) =>
        RaisesAndClears(id, "s1", quantity, above, below, deadband, clear);

    /// <summary>Against the rating of phase L1 (63 A, 220 V).</summary>
    [Theory]
    [InlineData("overvoltage", "voltage", 235.3, 235.5, 232, 231)]    // 107 % of 220 = 235.4; clears at 105 % = 231
    [InlineData("undervoltage", "voltage", 198.1, 197.9, 203, 204.7)] // 90 % = 198; clears at 93 % = 204.6
    [InlineData("phase-loss", "voltage", 110.1, 109.9, 150, 176)]     // 50 % = 110; clears at 80 % = 176
    public void A_voltage_rule_judges_a_phase_against_its_nominal_voltage(string id, string quantity, double safe, double beyond, double deadband, double clear) =>
        RaisesAndClears(id, "feeder-l1", quantity, safe, beyond, deadband, clear);

    [Fact]
    public void Arc_fault_is_the_detectors_own_alarm()
    {
        var e = Evaluator("arc-fault");
        Read(e, NightChina, "efd-1", "arc_fault", 0);
        Assert.Empty(Drain());
        Read(e, NightChina.AddSeconds(10), "efd-1", "arc_fault", 1);
        var raised = Assert.Single(Drain());
        Assert.Equal((AlertStates.Active, AlertSeverities.Critical, true), (raised.To, raised.Alert.Severity, raised.Alert.Safety));
    }

    [Fact]
    public void Overload_needs_five_minutes_over_the_rated_current_and_clears_at_ninety_percent()
    {
        var e = Evaluator("overload");
        var t = NightChina;
        // A motor's start: 120 A for four minutes does not raise; the time over starts again below the rating.
        for (var m = 0; m < 5; m++)
            Read(e, t.AddMinutes(m), "feeder-l1", "current", 120);
        Read(e, t.AddMinutes(4.5), "feeder-l1", "current", 60);
        Read(e, t.AddMinutes(5), "feeder-l1", "current", 63.5);
        Read(e, t.AddMinutes(9), "feeder-l1", "current", 63.5);
        Assert.Empty(Drain());
        Read(e, t.AddMinutes(10), "feeder-l1", "current", -63.5); // a meter signing its current by direction: the magnitude counts
        Assert.Equal(AlertStates.Active, Assert.Single(Drain()).To);
        Read(e, t.AddMinutes(11), "feeder-l1", "current", 60);    // 95 %: the deadband keeps it
        e.OnTick(t.AddMinutes(30));
        Assert.Empty(Drain());
        Read(e, t.AddMinutes(31), "feeder-l1", "current", 56.7);  // 90 %
        e.OnTick(t.AddMinutes(37));
        Assert.Equal(AlertStates.Cleared, Assert.Single(Drain()).To);
    }

    [Fact]
    public void A_sensor_without_a_rating_is_not_judged_by_the_rated_rules()
    {
        var e = Evaluator("phase-loss");
        Read(e, NightChina, "lighting", "voltage", 0);
        Read(e, NightChina.AddMinutes(1), "feeder-l1", "voltage", 0);
        Assert.Equal(["feeder-l1"], Drain().Select(x => x.Alert.Sensor));
    }

    [Fact]
    public void A_rated_rule_names_a_known_rating_and_one_direction()
    {
        Assert.Contains(new AlertRule { Id = "r", Quantity = "current", Settings = new RatedKind { Rating = "breaker", Above = 1 } }.Problems(),
            p => p.Contains("Rating is ratedCurrent or nominalVoltage", StringComparison.Ordinal));
        Assert.Contains(new AlertRule { Id = "r", Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage, Above = 1.1, Below = 0.9 } }.Problems(),
            p => p.Contains("one direction per rule", StringComparison.Ordinal));
        Assert.Contains(new AlertRule { Id = "r", Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage, Below = 0.9, ClearAt = 0.8 } }.Problems(),
            p => p.Contains("ClearAt lies on the safe side", StringComparison.Ordinal));
        Assert.Contains(new AlertRule { Id = "r", Quantity = "voltage", Settings = new RatedKind { Rating = CircuitRatings.NominalVoltage } }.Problems(),
            p => p.Contains("needs Above or Below", StringComparison.Ordinal));
        Assert.Contains(new AlertRule { Id = "r", Quantity = "ph", Settings = new ThresholdKind { Below = 6, ClearAbove = 5 } }.Problems(),
            p => p.Contains("ClearAbove must be at or above Below", StringComparison.Ordinal));
    }

    private void RaisesAndClears(string id, string sensor, string quantity, double safe, double beyond, double deadband, double clear)
    {
        var rule = Rule(id);
        var e = Evaluator(id);
        var t = NightChina;
        Read(e, t, sensor, quantity, safe);
        Assert.Empty(Drain());

        // Rated rules with a For hold the condition that long first.
        var held = (rule.Settings as RatedKind)?.For ?? TimeSpan.Zero;
        Read(e, t.AddSeconds(10), sensor, quantity, beyond);
        Read(e, t.AddSeconds(10) + held, sensor, quantity, beyond);
        var raised = Assert.Single(Drain());
        Assert.Equal((id, AlertStates.Active, true, beyond), (raised.Alert.RuleId, raised.To, raised.Alert.Safety, raised.Alert.Value!.Value));

        // In the deadband the alert stays however long it lasts.
        var after = t.AddSeconds(20) + held;
        Read(e, after, sensor, quantity, deadband);
        e.OnTick(after + rule.HoldOff + TimeSpan.FromMinutes(5));
        Assert.Empty(Drain());

        var back = after + rule.HoldOff + TimeSpan.FromMinutes(6);
        Read(e, back, sensor, quantity, clear);
        e.OnTick(back + rule.HoldOff + TimeSpan.FromSeconds(1));
        Assert.Equal(AlertStates.Cleared, Assert.Single(Drain()).To);
    }
}
