using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Simulator.Checking;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.UnitTests.Simulator;

public class ExpectationCheckerTests
{
    private static readonly DateTimeOffset WallStart = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    // Speed 60: one wall second is one simulated minute.
    private static readonly SimulatedClock Clock = new(60, WallStart.AddHours(-3), WallStart);
    private static readonly AlertExpectation Smoke = new("smoke", "e01", null, null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(12));

    [Fact]
    public void An_alert_raised_and_cleared_in_time_passes_with_its_simulated_times()
    {
        var result = ExpectationChecker.Judge(Smoke, Clock, Seen(Doc("a1", "smoke", AlertStates.Active, raisedAfter: 4), Doc("a1", "smoke", AlertStates.Cleared, raisedAfter: 4, clearedAfter: 10)));
        Assert.True(result.Passed, result.Detail);
        Assert.Contains("raised at +4m00s", result.Detail, StringComparison.Ordinal);
        Assert.Contains("cleared at +10m00s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Late_never_cleared_or_never_raised_alerts_fail_saying_which()
    {
        Assert.Contains("later than +5m00s", ExpectationChecker.Judge(Smoke, Clock, Seen(Doc("a1", "smoke", AlertStates.Active, raisedAfter: 7))).Detail, StringComparison.Ordinal);
        Assert.Contains("not cleared while the devices ran", ExpectationChecker.Judge(Smoke, Clock, Seen(Doc("a1", "smoke", AlertStates.Active, raisedAfter: 2))).Detail, StringComparison.Ordinal);
        var never = ExpectationChecker.Judge(Smoke, Clock, Seen(Doc("a2", "flame", AlertStates.Active, raisedAfter: 2)));
        Assert.False(never.Passed);
        Assert.Equal("never raised", never.Detail);
    }

    [Fact]
    public void An_alert_already_open_before_the_run_does_not_count_as_raised_by_it()
    {
        var result = ExpectationChecker.Judge(Smoke, Clock, Seen(Doc("a0", "smoke", AlertStates.Active, raisedAfter: -600)));
        Assert.False(result.Passed);
        Assert.Contains("before the run", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_alert_deleted_from_the_broker_counts_as_cleared()
    {
        var seen = Seen(Doc("a1", "smoke", AlertStates.Active, raisedAfter: 4)) with
        {
            Alerts = [new AlertSighting("a1", Doc("a1", "smoke", AlertStates.Active, raisedAfter: 4), WallStart.AddSeconds(4)), new AlertSighting("a1", null, WallStart.AddSeconds(9))],
        };
        Assert.True(ExpectationChecker.Judge(Smoke, Clock, seen).Passed);
    }

    [Fact]
    public void A_clear_after_the_devices_stopped_does_not_count()
    {
        // Once readings stop, Ingest clears an alert whose condition it can no longer see: not the scenario's doing.
        var seen = Seen(Doc("a1", "smoke", AlertStates.Active, raisedAfter: 4), Doc("a1", "smoke", AlertStates.Cleared, raisedAfter: 4, clearedAfter: 10)) with { RunEnded = WallStart.AddSeconds(8) };
        Assert.False(ExpectationChecker.Judge(Smoke, Clock, seen).Passed);
    }

    [Fact]
    public void No_alert_ignores_what_is_raised_after_the_devices_stopped()
    {
        var expectation = new NoAlertExpectation("device-offline", "e01");
        var seen = Seen(Doc("a1", "device-offline", AlertStates.Active, raisedAfter: 20)) with { RunEnded = WallStart.AddSeconds(14) };
        Assert.True(ExpectationChecker.Judge(expectation, Clock, seen).Passed);
        Assert.False(ExpectationChecker.Judge(expectation, Clock, seen with { RunEnded = WallStart.AddSeconds(30) }).Passed);
    }

    [Fact]
    public void Delivery_needs_every_reading_stored_and_empty_outboxes()
    {
        var delivered = new DeliveredExpectation();
        Assert.True(ExpectationChecker.Judge(delivered, Clock, new Observations { Produced = 100, Pending = 0, Stored = 100 }).Passed);
        Assert.False(ExpectationChecker.Judge(delivered, Clock, new Observations { Produced = 100, Pending = 0, Stored = 99 }).Passed);
        Assert.False(ExpectationChecker.Judge(delivered, Clock, new Observations { Produced = 100, Pending = 5, Stored = 95 }).Passed);
    }

    [Fact]
    public void Dead_letters_and_forbidden_readings_are_judged_per_device()
    {
        var seen = new Observations
        {
            DeadLetters = [(new DeviceAddress("p", "e06", "e06-edge1"), WallStart.AddSeconds(2))],
            Forbidden = new Dictionary<(string, string), long> { [("e07-edge1", "intruder-1")] = 0, [("e05-edge1", "intruder-1")] = 3 },
        };
        Assert.True(ExpectationChecker.Judge(new DeadLetterExpectation("e06-edge1", TimeSpan.FromMinutes(3)), Clock, seen).Passed);
        Assert.False(ExpectationChecker.Judge(new DeadLetterExpectation("e06-edge1", TimeSpan.FromMinutes(1)), Clock, seen).Passed);
        Assert.False(ExpectationChecker.Judge(new DeadLetterExpectation("e02-edge1", TimeSpan.FromMinutes(3)), Clock, seen).Passed);
        Assert.True(ExpectationChecker.Judge(new NotStoredExpectation("e07-edge1", "intruder-1"), Clock, seen).Passed);
        Assert.False(ExpectationChecker.Judge(new NotStoredExpectation("e05-edge1", "intruder-1"), Clock, seen).Passed);
    }

    private static Observations Seen(params AlertDocument[] docs) =>
        new() { Alerts = docs.Select(d => new AlertSighting(d.AlertId, d, d.UpdatedAt)).ToList() };

    /// <summary>An alert document; times in wall seconds after the run's start.</summary>
    private static AlertDocument Doc(string id, string rule, string state, double raisedAfter, double? clearedAfter = null) => new()
    {
        AlertId = id,
        RuleId = rule,
        Rule = rule,
        Kind = "detector",
        Severity = AlertSeverities.Critical,
        State = state,
        Park = "p",
        Enterprise = "e01",
        Device = "e01-edge1",
        RaisedAt = WallStart.AddSeconds(raisedAfter),
        UpdatedAt = WallStart.AddSeconds(clearedAfter ?? raisedAfter),
        ClearedAt = clearedAfter is { } c ? WallStart.AddSeconds(c) : null,
    };
}
