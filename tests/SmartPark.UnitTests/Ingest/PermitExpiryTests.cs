using Microsoft.Extensions.Time.Testing;
using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest;

/// <summary>The discharge permit expiry rule on a fake clock: raised within the lead, kept while expired, cleared when renewed.</summary>
public sealed class PermitExpiryTests
{
    // 10:00 in Beijing on 1 December 2026.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly EngineState _state = new();
    private readonly Registry _registry = new();

    private sealed class Registry : IEnterpriseStatus
    {
        public Dictionary<(string Park, string Enterprise), DateOnly> Expiries { get; } = [];

        public string? StatusOf(string park, string enterprise) => RenovationStatusOperating;

        public IEnumerable<PermitExpiry> PermitExpiries() => Expiries.Select(e => new PermitExpiry(e.Key.Park, e.Key.Enterprise, e.Value));

        private const string RenovationStatusOperating = "operating";
    }

    private static AlertRule DefaultRule => DefaultRules.All.Single(r => r.Id == "discharge-permit-expiry");

    private AlertEvaluator Evaluator(AlertRule? rule = null) => new(new RuleBook([rule ?? DefaultRule]), _registry, _state);

    private List<AlertTransition> TickAfter(AlertEvaluator evaluator, TimeSpan elapsed)
    {
        _clock.Advance(elapsed);
        evaluator.OnTick(_clock.GetUtcNow());
        var pending = _state.Pending.ToList();
        _state.Pending.Clear();
        return pending;
    }

    [Fact]
    public void Raised_thirty_days_before_expiry_with_the_days_left_kept_while_expired_and_cleared_when_renewed()
    {
        _registry.Expiries[("p1", "e1")] = new DateOnly(2027, 1, 5);
        var evaluator = Evaluator();

        Assert.Empty(TickAfter(evaluator, TimeSpan.Zero)); // 35 days left
        Assert.Empty(TickAfter(evaluator, TimeSpan.FromDays(4))); // 31

        var raised = Assert.Single(TickAfter(evaluator, TimeSpan.FromDays(1))); // 30
        Assert.Equal((null, AlertStates.Active, 30.0), (raised.From, raised.To, raised.Alert.Value));
        Assert.Equal(("p1", "e1", "permit", true), (raised.Alert.Park, raised.Alert.Enterprise, raised.Alert.Kind, raised.Alert.Bureau));
        Assert.Contains("排污许可管理条例", raised.Alert.Source);
        Assert.Contains("60 days", raised.Alert.Source);

        Assert.Empty(TickAfter(evaluator, TimeSpan.FromDays(35))); // expired 5 days ago: still the same alert
        Assert.Equal(-5, Assert.Single(_state.Alerts.Values).Document.Value);

        _registry.Expiries[("p1", "e1")] = new DateOnly(2032, 1, 9); // renewed for five years
        var cleared = Assert.Single(TickAfter(evaluator, TimeSpan.FromMinutes(1)));
        Assert.Equal((AlertStates.Active, AlertStates.Cleared), (cleared.From, cleared.To));
    }

    [Fact]
    public void The_lead_is_configurable()
    {
        _registry.Expiries[("p1", "e1")] = new DateOnly(2027, 1, 30); // 60 days left
        var rule = new AlertRule { Id = "permit-60", Settings = new PermitExpiryKind { Lead = TimeSpan.FromDays(60) }, HoldOff = TimeSpan.Zero };

        var raised = Assert.Single(TickAfter(Evaluator(rule), TimeSpan.Zero));

        Assert.Equal(60.0, raised.Alert.Value);
    }

    [Fact]
    public void An_alert_whose_permit_the_registry_no_longer_records_clears()
    {
        _registry.Expiries[("p1", "e1")] = new DateOnly(2026, 11, 30);
        var evaluator = Evaluator();
        Assert.Single(TickAfter(evaluator, TimeSpan.Zero));

        _registry.Expiries.Clear();

        Assert.Equal(AlertStates.Cleared, Assert.Single(TickAfter(evaluator, TimeSpan.FromMinutes(1))).To);
    }

    [Fact]
    public void Days_are_counted_in_china_whatever_the_servers_zone()
    {
        // 23:30 UTC on 4 December is already 5 December in Beijing: 31 days left of a 5 January permit there, 32 in UTC.
        var kind = new PermitExpiryKind { Lead = TimeSpan.FromDays(31) };

        var verdict = kind.JudgeExpiry(new DateOnly(2027, 1, 5), new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal((true, 31.0), (verdict.Met, verdict.Value));
    }
}
