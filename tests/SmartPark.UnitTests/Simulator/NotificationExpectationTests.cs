using SmartPark.Simulator.Checking;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.UnitTests.Simulator;

/// <summary>Scenario expectations of who is told of an alarm (notified, not-notified) and how the runner judges them.</summary>
public class NotificationExpectationTests
{
    private static readonly string Shipped = Path.Combine(RepositoryPaths.Root, "simulators", "scenarios", "unacknowledged-alarm.yaml");
    private static readonly DateTimeOffset WallStart = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);
    private static readonly SimulatedClock Clock = SimulatedClock.For(60, TimeSpan.FromHours(22), TimeSpan.FromMinutes(10), WallStart);

    [Fact]
    public void The_unacknowledged_alarm_scenario_expects_the_chain_in_order_and_scales_the_escalation_to_wall_time()
    {
        var scenario = ScenarioLoader.Load(Shipped);
        Assert.Equal(TimeSpan.FromMinutes(2), scenario.EscalationAfter);
        var told = scenario.Expectations.OfType<NotifiedExpectation>().ToList();
        Assert.Equal([("zhang", "email", 0), ("zhang", "sms", 0), ("wang", "email", 1), ("chen", "email", 2), ("chen", "sms", 2)], told.Select(n => (n.To, n.Channel, n.Level)));
        Assert.Single(scenario.Expectations.OfType<NotNotifiedExpectation>());
        var args = scenario.IngestArguments();
        Assert.Contains("--Notifications:Escalation:After:critical=00:00:02", args);
        Assert.Contains("--Notifications:Escalation:CheckInterval=00:00:00.1000000", args);
    }

    [Fact]
    public void A_notified_expectation_without_person_channel_or_level_is_refused()
    {
        var document = new ScenarioDocument
        {
            Park = "../ParkSimulator/parks/baiyun-demo.json",
            Duration = "10m",
            Escalation = new EscalationDocument { After = "soon" },
            Events = [new EventDocument { At = "1m", Kind = "fire", Enterprise = "e01-huaxin-furniture" }],
            Expect = [new ExpectationDocument { Kind = "notified", Rule = "smoke", Channel = "pigeon", By = "5m" }],
        };
        var problems = new List<string>();
        ScenarioLoader.Compile(document, ScenarioLoader.Load(Shipped).Park, Shipped, problems);
        Assert.Contains(problems, p => p.Contains("names its rule, to (a person of the duty roster), channel (email or sms) and level", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("escalation.after: 'soon' is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_addressed_to_a_person_reads_back_as_alert_person_and_level()
    {
        Assert.Equal(new NotificationSighting("email", "smoke-1a2b3c4d-abc", "li-ming", 2, WallStart), NotificationSighting.FromKey("email", "smoke-1a2b3c4d-abc:1:to-li-ming-2", WallStart));
        Assert.Equal("zhang", NotificationSighting.FromKey("sms", "a:3:reminder-1:to-zhang-0", WallStart)!.Person);
        Assert.Null(NotificationSighting.FromKey("email", "a1:1", WallStart));
        Assert.Null(NotificationSighting.FromKey("email", null, WallStart));
    }

    // At speed 60 one wall second is one simulated minute.
    private static Observations Seen(params (string Person, string Channel, int Level, double WallSeconds)[] told) => new()
    {
        Alerts = [new AlertSighting("smoke-1", AlertSamples.Document("smoke-1") with { RuleId = "smoke" }, WallStart)],
        Notifications = [.. told.Select(t => new NotificationSighting(t.Channel, "smoke-1", t.Person, t.Level, WallStart.AddSeconds(t.WallSeconds)))],
    };

    [Fact]
    public void Each_level_must_be_told_by_its_time_and_never_after_a_higher_one()
    {
        var wang = new NotifiedExpectation("smoke", "wang", "email", 1, TimeSpan.FromMinutes(7));
        var inOrder = ExpectationChecker.Judge(wang, Clock, Seen(("zhang", "email", 0, 2), ("wang", "email", 1, 4), ("chen", "email", 2, 6)));
        Assert.True(inOrder.Passed, inOrder.Detail);
        Assert.Equal("told at +4m00s", inOrder.Detail);

        var late = ExpectationChecker.Judge(wang, Clock, Seen(("wang", "email", 1, 8)));
        Assert.False(late.Passed);
        Assert.Contains("later than +7m", late.Detail, StringComparison.Ordinal);

        var skipped = ExpectationChecker.Judge(wang, Clock, Seen(("chen", "email", 2, 3.5), ("wang", "email", 1, 4)));
        Assert.False(skipped.Passed);
        Assert.Contains("chen (level 2) was told before", skipped.Detail, StringComparison.Ordinal);

        var never = ExpectationChecker.Judge(wang, Clock, Seen(("zhang", "sms", 0, 2)));
        Assert.Equal((false, "not told; told: zhang/sms/0"), (never.Passed, never.Detail));
    }

    [Fact]
    public void Not_notified_fails_when_that_person_was_told_by_that_channel()
    {
        var noText = new NotNotifiedExpectation("smoke", "wang", "sms");
        Assert.True(ExpectationChecker.Judge(noText, Clock, Seen(("wang", "email", 1, 4))).Passed);
        var told = ExpectationChecker.Judge(noText, Clock, Seen(("wang", "sms", 1, 4)));
        Assert.Equal((false, "told: wang/sms/1"), (told.Passed, told.Detail));
    }
}
