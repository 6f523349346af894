using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Kinds;

/// <summary>The rise kind: a reading at least <c>Rise</c> above the lowest of the last <c>Window</c>.</summary>
public sealed class RiseKindTests
{
    private static readonly DeviceAddress Device = new("p1", "e1", "d1");
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private sealed class NoRegistry : IEnterpriseStatus
    {
        public string? StatusOf(string park, string enterprise) => null;
    }

    private static RiseKind HeatA1R() => new() { Rise = 10, Window = TimeSpan.FromMinutes(1) };

    private static Verdict Read(RiseKind kind, RuleState state, double seconds, double value) =>
        kind.OnReading(new SeriesReading(Device, (long)(seconds * 1000), value, new NoRegistry()), state);

    [Fact]
    public void Ten_degrees_within_a_minute_raises_nine_does_not_and_the_first_reading_has_nothing_to_rise_from()
    {
        var kind = HeatA1R();
        var state = kind.NewState();
        Assert.Equal(Verdict.None, Read(kind, state, 0, 25));
        Assert.Equal(new Verdict(false, 4), Read(kind, state, 20, 29));
        Assert.Equal(new Verdict(false, 9), Read(kind, state, 40, 34));
        Assert.Equal(new Verdict(true, 10), Read(kind, state, 60, 35)); // 25 at 0 s is still in the window
        // Ten seconds later the 25 has left the window: 39 is measured from 29.
        Assert.Equal(new Verdict(true, 10), Read(kind, state, 70, 39));
        Assert.Equal(new Verdict(false, 2), Read(kind, state, 100, 36));
    }

    [Fact]
    public void The_rise_counts_from_the_lowest_reading_in_the_window_not_the_oldest()
    {
        var kind = HeatA1R();
        var state = (RiseState)kind.NewState();
        Read(kind, state, 0, 30);
        Read(kind, state, 10, 22); // a dip: the rise is measured from here
        Read(kind, state, 20, 27);
        Assert.Equal(new Verdict(true, 11), Read(kind, state, 30, 33)); // 33 - 30 would be only 3
        // Only readings that can still be the lowest are kept: ascending in time and value.
        Assert.Equal([new SamplePoint(10_000, 22), new SamplePoint(20_000, 27), new SamplePoint(30_000, 33)], state.Lows);
        Read(kind, state, 40, 24);
        Assert.Equal([new SamplePoint(10_000, 22), new SamplePoint(40_000, 24)], state.Lows);
    }

    [Fact]
    public void A_step_raises_at_once_where_the_rate_kind_waits_for_half_its_window()
    {
        // A VOC leak reaching the analyser: 2 mg/m³ for a while, then 14 in one step.
        var rise = new RiseKind { Rise = 10, Window = TimeSpan.FromMinutes(5) };
        var rate = new RateKind { RatePerMinute = 2, Window = TimeSpan.FromMinutes(5) };
        RuleState riseState = rise.NewState(), rateState = rate.NewState();
        foreach (var (s, v) in new[] { (0.0, 2.0), (30, 2.1), (60, 14) })
        {
            Read(rise, riseState, s, v);
            rate.OnReading(new SeriesReading(Device, (long)(s * 1000), v, new NoRegistry()), rateState);
        }
        Assert.Equal(new Verdict(true, 12), Read(rise, riseState, 61, 14));
        Assert.Equal(Verdict.None, rate.OnReading(new SeriesReading(Device, 61_000, 14, new NoRegistry()), rateState));
    }

    [Fact]
    public void Rise_and_window_must_be_positive()
    {
        Assert.Equal(["Rise", "Window"], new RiseKind().Missing());
        Assert.Equal(["Rise must be above zero", "Window must be longer than zero"], new RiseKind { Rise = 0, Window = TimeSpan.Zero }.Invalid());
        Assert.Empty(HeatA1R().Invalid());
    }

    [Fact]
    public void Through_the_engine_a_rise_alert_shows_the_rise_in_the_quantitys_unit_and_carries_on_after_a_restart()
    {
        var rule = new AlertRule
        {
            Id = "heat-rise-a1r",
            Title = "Heat detector, 10 °C within a minute",
            Quantity = "temperature",
            Sensors = "heat*",
            Settings = HeatA1R(),
            Severity = AlertSeverities.Warning,
            HoldOff = TimeSpan.FromSeconds(30),
        };
        var book = new RuleBook([rule]);
        var state = new EngineState();
        var engine = new AlertEvaluator(book, new NoRegistry(), state);
        var seq = 0L;
        void Read(AlertEvaluator e, double seconds, double value) => e.OnBatch(Device, new TelemetryBatch
        {
            Schema = 1,
            Device = Device.Device,
            Seq = ++seq,
            SentAt = T0.AddSeconds(seconds),
            Readings = [new Reading { Sensor = "heat-1", Quantity = "temperature", Value = value, Unit = "degC", Ts = T0.AddSeconds(seconds), Flag = DataFlag.Normal }],
        }, T0.AddSeconds(seconds));

        Read(engine, 0, 24);
        Read(engine, 20, 28);
        Assert.Empty(state.Pending);

        var dir = Directory.CreateTempSubdirectory("rise-state-").FullName;
        try
        {
            var store = new EngineStateStore(dir);
            store.Save(state);
            state = store.Load();
            engine = new AlertEvaluator(book, new NoRegistry(), state);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        Read(engine, 40, 35); // 11 above the 24 read before the restart
        var raised = Assert.Single(state.Pending);
        Assert.Equal(("rise", "degC", 10.0, 11.0), (raised.Alert.Kind, raised.Alert.Unit, raised.Alert.Limit!.Value, raised.Alert.Value!.Value));
        state.Pending.Clear();
        Read(engine, 50, 35.5);
        Read(engine, 100, 35.6); // steady: 0.6 above the window's lowest, false from here
        Read(engine, 130, 35.6); // the 30-second hold-off has passed
        engine.OnTick(T0.AddSeconds(161));
        Assert.Equal(AlertStates.Cleared, Assert.Single(state.Pending).To);
    }
}
