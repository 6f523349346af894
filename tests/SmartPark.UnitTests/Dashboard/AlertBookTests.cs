using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;

namespace SmartPark.UnitTests.Dashboard;

public sealed class AlertBookTests
{
    private static readonly string Park = AlertSamples.Document("x").Park;

    [Fact]
    public void A_document_opens_an_alert_and_an_empty_or_closed_one_removes_it()
    {
        var book = new AlertBook();
        Assert.True(book.Apply(Park, "a1", AlertSamples.Document("a1")));
        Assert.True(book.TryGet(Park, "a1", out _));
        Assert.True(book.Apply(Park, "a1", null));
        Assert.False(book.TryGet(Park, "a1", out _));
        Assert.False(book.Apply(Park, "a1", null));

        book.Apply(Park, "a2", AlertSamples.Document("a2"));
        Assert.True(book.Apply(Park, "a2", AlertSamples.Document("a2", AlertStates.Closed)));
        Assert.Empty(book.Open(_ => true));
    }

    [Fact]
    public void An_older_document_does_not_roll_the_state_back()
    {
        var book = new AlertBook();
        var acked = AlertSamples.Step("a1", 2).Alert;
        book.Apply(Park, "a1", acked);
        Assert.False(book.Apply(Park, "a1", AlertSamples.Document("a1")));
        Assert.True(book.TryGet(Park, "a1", out var now));
        Assert.Equal(AlertStates.Acknowledged, now.State);
    }

    [Fact]
    public void Open_alerts_come_worst_first()
    {
        var book = new AlertBook();
        book.Apply(Park, "w", AlertSamples.Document("w") with { Severity = AlertSeverities.Warning });
        book.Apply(Park, "c", AlertSamples.Document("c"));
        book.Apply(Park, "i", AlertSamples.Document("i") with { Severity = AlertSeverities.Info });
        Assert.Equal(["c", "w", "i"], book.Open(_ => true).Select(a => a.AlertId));
    }

    [Fact]
    public void Filters_match_each_field_and_empty_matches_all()
    {
        var alert = AlertSamples.Document("a1");
        Assert.True(new AlertFilter().Matches(alert));
        Assert.True(new AlertFilter(Park: alert.Park, Severity: "critical", State: "active", Kind: "window", Enterprise: "e07").Matches(alert));
        Assert.False(new AlertFilter(Severity: "warning").Matches(alert));
        Assert.False(new AlertFilter(Enterprise: "e08").Matches(alert));
        Assert.False(new AlertFilter(State: "acknowledged").Matches(alert));
    }

    [Fact]
    public void Bureau_officers_see_only_bureau_alerts_of_their_parks_and_join_only_bureau_groups()
    {
        var bureau = ParkAccess.ToPrincipal(new DashboardUser { Name = "b", Role = DashboardRoles.Bureau, Parks = [Park], PasswordHash = "x" }, "t");
        var op = ParkAccess.ToPrincipal(new DashboardUser { Name = "o", Role = DashboardRoles.Operator, Parks = [Park], PasswordHash = "x" }, "t");
        var emission = AlertSamples.Document("e");
        var fire = emission with { AlertId = "f", Bureau = false };
        Assert.True(bureau.CanSee(emission));
        Assert.False(bureau.CanSee(fire));
        Assert.True(op.CanSee(fire));
        Assert.False(op.CanSee(emission with { Park = "elsewhere" }));

        Assert.Equal([AlertGroups.BureauPark(Park)], AlertGroups.Of(bureau));
        Assert.Equal([AlertGroups.Park(Park)], AlertGroups.Of(op));
        Assert.DoesNotContain(AlertGroups.BureauPark(Park), AlertGroups.For(fire));
        Assert.Contains(AlertGroups.BureauPark(Park), AlertGroups.For(emission));
    }
}

public sealed class BureauSummaryTests
{
    private static AlertEventView Raised(string enterprise, double value, int minutes) =>
        new(AlertSamples.RaisedAt.AddMinutes(minutes), "a-" + enterprise + minutes, "active", null, 1, null, null, value, 6, "p", enterprise, "d", "voc-1",
            "inplant-nmhc-1h", "window", "critical", true, value + 1, "nmhc", "mg/m3", "DB44/2367-2022");

    [Fact]
    public void Exceedances_group_by_enterprise_and_rule_with_count_worst_and_standard()
    {
        var rows = BureauSummary.Build([Raised("e1", 7, 0), Raised("e1", 9, 10), Raised("e2", 6.5, 5)], []);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("e1", 2, 10.0, "DB44/2367-2022", 6.0), (rows[0].Enterprise, rows[0].Raised, rows[0].Worst, rows[0].Source, rows[0].Limit));
        Assert.Equal(AlertSamples.RaisedAt.AddMinutes(10), rows[0].LastRaisedAt);
        Assert.False(rows[0].OpenNow);
    }

    [Fact]
    public void An_open_alert_raised_before_the_period_still_counts_and_non_bureau_ones_do_not()
    {
        var open = AlertSamples.Document("old") with { Park = "p", Enterprise = "e3" };
        var fire = open with { AlertId = "fire", RuleId = "fire", Bureau = false };
        var row = Assert.Single(BureauSummary.Build([], [open, fire]));
        Assert.Equal(("e3", 1, true, 9.1), (row.Enterprise, row.Raised, row.OpenNow, row.Worst));
    }
}
