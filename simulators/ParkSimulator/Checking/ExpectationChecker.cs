using SmartPark.Contracts.Alerts;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.Simulator.Checking;

/// <summary>One expectation's verdict and what was seen, in words for the report.</summary>
public sealed record CheckResult(Expectation Expectation, bool Passed, string Detail);

/// <summary>What the run observed, for judging the expectations.</summary>
public sealed record Observations
{
    public IReadOnlyList<AlertSighting> Alerts { get; init; } = [];
    public IReadOnlyList<(SmartPark.Contracts.Topics.DeviceAddress Device, DateTimeOffset SeenAt)> DeadLetters { get; init; } = [];
    /// <summary>Readings the devices produced, still held in outboxes, and found in InfluxDB.</summary>
    public long Produced { get; init; }
    public long Pending { get; init; }
    public long? Stored { get; init; }
    /// <summary>Readings stored per (device, sensor) that must not be there.</summary>
    public IReadOnlyDictionary<(string Device, string Sensor), long> Forbidden { get; init; } = new Dictionary<(string, string), long>();
    /// <summary>Messages the people of the duty roster received (email, SMS), when the run can see them.</summary>
    public IReadOnlyList<NotificationSighting> Notifications { get; init; } = [];
    /// <summary>When the devices stopped (wall clock): what is raised after, such as their going offline, is not the scenario's.</summary>
    public DateTimeOffset RunEnded { get; init; } = DateTimeOffset.MaxValue;
}

/// <summary>
/// Judges a scenario's expectations against what was observed. Alert deadlines are simulated
/// time from the start; an alert's raise and clear instants (Ingest's wall clock) are turned
/// into simulated time with the run's clock.
/// </summary>
public static class ExpectationChecker
{
    /// <summary>Alerts raised this long before the run started still count as the run's (clock skew).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<CheckResult> Judge(Scenario scenario, SimulatedClock clock, Observations seen) =>
        scenario.Expectations.Select(x => Judge(x, clock, seen)).ToList();

    public static CheckResult Judge(Expectation expectation, SimulatedClock clock, Observations seen) => expectation switch
    {
        AlertExpectation a => JudgeAlert(a, clock, seen),
        NoAlertExpectation n => JudgeNoAlert(n, clock, seen),
        DeliveredExpectation d => JudgeDelivered(d, seen),
        DeadLetterExpectation l => JudgeDeadLetter(l, clock, seen),
        NotifiedExpectation n => JudgeNotified(n, clock, seen),
        NotNotifiedExpectation n => JudgeNotNotified(n, seen),
        NotStoredExpectation s => seen.Forbidden.TryGetValue((s.Device, s.Sensor), out var n) && n == 0
            ? new(s, true, "none stored")
            : new(s, false, $"{(seen.Forbidden.TryGetValue((s.Device, s.Sensor), out var m) ? m : -1)} stored"),
        _ => new(expectation, false, "unknown expectation"),
    };

    private static CheckResult JudgeAlert(AlertExpectation x, SimulatedClock clock, Observations seen)
    {
        var matching = seen.Alerts.Where(s => s.Document is { } d && Matches(x, d)).ToList();
        var fresh = matching.Where(s => s.Document!.RaisedAt >= clock.WallStart - Slack).ToList();
        if (fresh.Count == 0)
        {
            var older = matching.FirstOrDefault();
            return new(x, false, older is null
                ? "never raised"
                : $"only an alert raised before the run (at {older.Document!.RaisedAt:HH:mm:ss}, still open) was seen: the scope was not clear when the scenario began");
        }
        var first = fresh.MinBy(s => s.Document!.RaisedAt)!;
        var raisedAt = clock.Elapsed(first.Document!.RaisedAt);
        var detail = $"raised at +{SimDuration.Format(raisedAt)} (value {first.Document.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
        var passed = raisedAt <= x.By;
        if (!passed)
            detail += $", later than +{SimDuration.Format(x.By)}";
        if (x.ClearedBy is { } clearedBy)
        {
            var cleared = seen.Alerts
                .Where(s => s.AlertId == first.AlertId && (s.Document is null || s.Document.State is AlertStates.Cleared or AlertStates.Closed))
                .Select(s => s.Document?.ClearedAt ?? s.SeenAt)
                .Where(at => at <= seen.RunEnded)
                .Order()
                .FirstOrDefault();
            if (cleared == default)
            {
                passed = false;
                detail += ", not cleared while the devices ran";
            }
            else
            {
                var clearedAt = clock.Elapsed(cleared);
                detail += $", cleared at +{SimDuration.Format(clearedAt)}";
                if (clearedAt > clearedBy)
                {
                    passed = false;
                    detail += $", later than +{SimDuration.Format(clearedBy)}";
                }
            }
        }
        return new(x, passed, detail);
    }

    private static CheckResult JudgeNoAlert(NoAlertExpectation x, SimulatedClock clock, Observations seen)
    {
        var raised = seen.Alerts
            .Where(s => s.Document is { } d && d.RaisedAt >= clock.WallStart - Slack && d.RaisedAt <= seen.RunEnded
                && (x.Rule is null || d.RuleId == x.Rule) && (x.Enterprise is null || d.Enterprise == x.Enterprise))
            .Select(s => s.Document!)
            .DistinctBy(d => d.AlertId)
            .ToList();
        return raised.Count == 0
            ? new(x, true, "none raised")
            : new(x, false, "raised: " + string.Join(", ", raised.Select(d => $"{d.RuleId} at {d.Enterprise}/{d.Device}/{d.Sensor} (+{SimDuration.Format(clock.Elapsed(d.RaisedAt))})")));
    }

    private static CheckResult JudgeDelivered(DeliveredExpectation x, Observations seen)
    {
        var detail = $"{seen.Produced} produced, {seen.Pending} still in outboxes, {seen.Stored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} in InfluxDB";
        return new(x, seen.Pending == 0 && seen.Stored == seen.Produced && seen.Produced > 0, detail);
    }

    private static CheckResult JudgeDeadLetter(DeadLetterExpectation x, SimulatedClock clock, Observations seen)
    {
        var first = seen.DeadLetters.Where(l => l.Device.Device == x.Device && l.SeenAt >= clock.WallStart).Select(l => l.SeenAt).Order().FirstOrDefault();
        if (first == default)
            return new(x, false, "no dead letter seen");
        var at = clock.Elapsed(first);
        return new(x, at <= x.By, $"first at +{SimDuration.Format(at)}");
    }

    /// <summary>The notifications of the run's alerts of <paramref name="rule"/> (their ids from the alerts watched).</summary>
    private static List<NotificationSighting> NotificationsOf(string rule, Observations seen)
    {
        var alerts = seen.Alerts.Where(s => s.Document?.RuleId == rule).Select(s => s.AlertId).ToHashSet(StringComparer.Ordinal);
        return [.. seen.Notifications.Where(n => alerts.Contains(n.AlertId)).OrderBy(n => n.At)];
    }

    private static CheckResult JudgeNotified(NotifiedExpectation x, SimulatedClock clock, Observations seen)
    {
        var all = NotificationsOf(x.Rule, seen);
        var first = all.FirstOrDefault(n => n.Person == x.To && n.Channel == x.Channel && n.Level == x.Level && n.At >= clock.WallStart);
        if (first is null)
        {
            var others = all.Select(n => $"{n.Person}/{n.Channel}/{n.Level}").Distinct().ToList();
            return new(x, false, others.Count == 0 ? "not told; nobody was told of it" : "not told; told: " + string.Join(", ", others));
        }
        var at = clock.Elapsed(first.At);
        var detail = $"told at +{SimDuration.Format(at)}";
        var passed = at <= x.By;
        if (!passed)
            detail += $", later than +{SimDuration.Format(x.By)}";
        // In order: nobody of a higher level of the same alert was told before this level.
        if (all.FirstOrDefault(n => n.AlertId == first.AlertId && n.Level > x.Level && n.At < first.At) is { } early)
        {
            passed = false;
            detail += $", but {early.Person} (level {early.Level}) was told before, at +{SimDuration.Format(clock.Elapsed(early.At))}";
        }
        return new(x, passed, detail);
    }

    private static CheckResult JudgeNotNotified(NotNotifiedExpectation x, Observations seen)
    {
        var told = NotificationsOf(x.Rule, seen).Where(n => (x.To is null || n.Person == x.To) && (x.Channel is null || n.Channel == x.Channel)).ToList();
        return told.Count == 0
            ? new(x, true, "nobody told")
            : new(x, false, "told: " + string.Join(", ", told.Select(n => $"{n.Person}/{n.Channel}/{n.Level}")));
    }

    private static bool Matches(AlertExpectation x, AlertDocument d) =>
        d.RuleId == x.Rule
        && (x.Enterprise is null || d.Enterprise == x.Enterprise)
        && (x.Device is null || d.Device == x.Device)
        && (x.Sensor is null || d.Sensor == x.Sensor);
}
