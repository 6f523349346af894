using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Alerts;

namespace SmartPark.UnitTests.Dashboard;

public sealed class ParkRuleSetsTests
{
    private static RuleLimit Limit(string id, double? limit, string? enterprise = null, string? quantity = "nmhc") =>
        new() { RuleId = id, Title = id, Kind = "threshold", Severity = "warning", Quantity = quantity, Limit = limit, Enterprise = enterprise };

    private static byte[] Json(ParkRules rules) => JsonSerializer.SerializeToUtf8Bytes(rules, ContractsJsonContext.Default.ParkRules);

    private static ParkRules Park(string park, params RuleLimit[] rules) =>
        new() { Park = park, Region = "guangdong", PublishedAt = DateTimeOffset.UnixEpoch, Rules = rules };

    [Fact]
    public void An_enterprise_gets_the_park_wide_limits_and_its_own_not_another_enterprises()
    {
        var sets = new ParkRuleSets();
        sets.OnMessage("p1", Json(Park("p1", Limit("a", 20), Limit("a", 15, "e1"), Limit("a", 10, "e2"), Limit("smoke", null, quantity: "smoke"))));

        Assert.Equal([20.0, 15.0], sets.LimitsFor("p1", "e1").Select(r => r.Limit!.Value));
        Assert.Empty(sets.LimitsFor("p2", "e1"));
    }

    [Fact]
    public void An_empty_retained_body_removes_the_park_and_a_set_for_another_park_is_refused()
    {
        var sets = new ParkRuleSets();
        sets.OnMessage("p1", Json(Park("p1", Limit("a", 20))));
        Assert.Throws<JsonException>(() => sets.OnMessage("p1", Json(Park("p2", Limit("a", 5)))));
        Assert.Equal(20, sets.LimitsFor("p1", "e1").Single().Limit);

        sets.OnMessage("p1", []);
        Assert.Null(sets.Of("p1"));
    }

    [Fact]
    public void The_kinds_come_from_the_newest_rule_set_and_are_empty_before_any()
    {
        var sets = new ParkRuleSets();
        Assert.Empty(sets.Kinds());
        static RuleKindInfo Kind(string name) => new() { Name = name, Titles = new Dictionary<string, string> { ["zh-CN"] = name, ["en"] = name } };
        sets.OnMessage("p1", Json(Park("p1") with { PublishedAt = DateTimeOffset.UnixEpoch.AddDays(2), Kinds = [Kind("threshold"), Kind("rise")] }));
        sets.OnMessage("p2", Json(Park("p2") with { PublishedAt = DateTimeOffset.UnixEpoch.AddDays(1), Kinds = [Kind("threshold")] }));
        Assert.Equal(["threshold", "rise"], sets.Kinds().Select(k => k.Name));
        // A rule set from before kinds were published carries none.
        Assert.Empty(JsonSerializer.Deserialize("""{"park":"p3","region":"guangdong","publishedAt":"2026-01-01T00:00:00Z","rules":[]}""", ContractsJsonContext.Default.ParkRules)!.Kinds);
    }
}
