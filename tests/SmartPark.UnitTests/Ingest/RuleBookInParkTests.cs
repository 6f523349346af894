using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest;

/// <summary>What a park's published rule set contains (<see cref="RuleBook.InPark"/>).</summary>
public sealed class RuleBookInParkTests
{
    private static AlertRule Default(string id) => DefaultRules.All.Single(r => r.Id == id);

    private static AlertRule Override(string id, string? park, string? enterprise = null, double? limit = null, bool enabled = true)
    {
        var rule = Default(id).Clone();
        rule.Park = park;
        rule.Enterprise = enterprise;
        if (limit is not null)
            ((ILimitedKind)rule.Settings!).Limit = limit;
        rule.Enabled = enabled;
        return rule;
    }

    [Fact]
    public void A_park_override_replaces_the_default_and_other_parks_keep_the_default()
    {
        var book = new RuleBook([.. DefaultRules.All, Override("nmhc-inplant-1h-gd", "p1", limit: 4.5)]);

        Assert.Equal([4.5], book.InPark("p1").Where(r => r.Id == "nmhc-inplant-1h-gd").Select(r => r.Limit!.Value));
        Assert.Equal([6.0], book.InPark("p2").Where(r => r.Id == "nmhc-inplant-1h-gd").Select(r => r.Limit!.Value));
    }

    [Fact]
    public void Enterprise_versions_are_listed_next_to_the_park_wide_one_and_a_disabled_scope_drops_out()
    {
        var book = new RuleBook([.. DefaultRules.All,
            Override("nmhc-inplant-instant-gd", "p1", "e-strict", limit: 15),
            Override("nmhc-inplant-instant-gd", "p1", "e-exempt", enabled: false),
            Override("smoke", "p1", enabled: false)]);

        var instant = book.InPark("p1").Where(r => r.Id == "nmhc-inplant-instant-gd").ToList();
        Assert.Equal([(null, 20.0), ("e-strict", 15.0)], instant.Select(r => (r.Enterprise, r.Limit!.Value)));
        Assert.DoesNotContain(book.InPark("p1"), r => r.Id == "smoke");
        Assert.Contains(book.InPark("p2"), r => r.Id == "smoke");
    }

    [Fact]
    public void Only_the_parks_region_limits_are_in_force()
    {
        var book = new RuleBook(DefaultRules.All, new Dictionary<string, string> { ["p-national"] = DefaultRules.National });

        Assert.Contains(book.InPark("p-national"), r => r.Id == "nmhc-inplant-1h");
        Assert.DoesNotContain(book.InPark("p-national"), r => r.Id == "nmhc-inplant-1h-gd");
        Assert.Contains(book.InPark("p-gd"), r => r.Id == "nmhc-inplant-1h-gd");
        Assert.DoesNotContain(book.InPark("p-gd"), r => r.Id == "nmhc-inplant-1h");
    }
}
