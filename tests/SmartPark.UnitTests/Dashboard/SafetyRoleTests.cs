using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Safety;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>What the safety role (emergency-management and fire authorities) sees: safety alarms of its parks,
/// their SignalR groups, the readings behind them, and the overview's order; the bureau's view unchanged.</summary>
public sealed class SafetyRoleTests
{
    private static System.Security.Claims.ClaimsPrincipal User(string role, params string[] parks) =>
        ParkAccess.ToPrincipal(new DashboardUser { Name = role + "-user", Role = role, Parks = parks, PasswordHash = "x" }, "test");

    private static AlertDocument Fire(string id, string park, int minute = 0) => AlertSamples.Document(id) with
    {
        Park = park,
        RuleId = "smoke",
        Kind = "detector",
        Quantity = "smoke",
        Bureau = false,
        Safety = true,
        RaisedAt = AlertSamples.RaisedAt.AddMinutes(minute),
    };

    private static AlertDocument Emission(string id, string park) => AlertSamples.Document(id) with { Park = park };

    [Fact]
    public void A_safety_user_sees_safety_alarms_of_its_parks_only_and_the_bureau_still_sees_emissions_only()
    {
        var safety = User(DashboardRoles.Safety, "p-a");
        Assert.True(safety.CanSee(Fire("f", "p-a")));
        Assert.False(safety.CanSee(Emission("e", "p-a")));
        Assert.False(safety.CanSee(Fire("f", "p-b")));
        Assert.False(safety.MayAcknowledge());

        var bureau = User(DashboardRoles.Bureau, "p-a");
        Assert.True(bureau.CanSee(Emission("e", "p-a")));
        Assert.False(bureau.CanSee(Fire("f", "p-a")));
        Assert.True(bureau.MayAcknowledge());
        var op = User(DashboardRoles.Operator, "p-a");
        Assert.True(op.CanSee(Fire("f", "p-a")) && op.CanSee(Emission("e", "p-a")));
    }

    [Fact]
    public void A_safety_alarm_goes_to_the_safety_group_of_its_park_which_only_safety_users_join()
    {
        Assert.Equal([AlertGroups.Everything, "alerts:p-a", "safety-alerts:p-a"], AlertGroups.For(Fire("f", "p-a")));
        Assert.Equal([AlertGroups.Everything, "alerts:p-a", "bureau-alerts:p-a"], AlertGroups.For(Emission("e", "p-a")));
        Assert.Equal(["safety-alerts:p-a"], AlertGroups.Of(User(DashboardRoles.Safety, "p-a")));
        Assert.Equal(["bureau-alerts:p-a"], AlertGroups.Of(User(DashboardRoles.Bureau, "p-a")));
        Assert.Equal(["alerts:p-a"], AlertGroups.Of(User(DashboardRoles.Operator, "p-a")));
    }

    [Fact]
    public void The_safety_role_is_a_known_role_with_parks()
    {
        Assert.Contains(DashboardRoles.Safety, DashboardRoles.All);
        Assert.Null(UserRules.Problem(new DashboardUser { Name = "fire-officer", Role = DashboardRoles.Safety, Parks = ["baiyun-shimen"], PasswordHash = "x" }));
    }

    [Fact]
    public void Safety_readings_are_safety_quantities_and_what_a_safety_rule_watches_on_that_sensor()
    {
        var rules = new ParkRuleSets();
        rules.OnMessage("p-a", JsonSerializer.SerializeToUtf8Bytes(new ParkRules
        {
            Park = "p-a",
            Region = "guangdong",
            PublishedAt = DateTimeOffset.UnixEpoch,
            Rules =
            [
                new RuleLimit { RuleId = "heat-static", Title = "Heat", Kind = "threshold", Severity = "critical", Safety = true, Quantity = "temperature", Sensors = "heat*" },
                new RuleLimit { RuleId = "nmhc", Title = "NMHC", Kind = "threshold", Severity = "warning", Bureau = true, Quantity = "nmhc" },
            ],
        }, ContractsJsonContext.Default.ParkRules));
        var readings = new SafetyReadings(rules);
        Assert.True(readings.IsSafety("p-a", "smoke", "smoke-1"));
        Assert.True(readings.IsSafety("p-a", "gas_lel", null));
        Assert.True(readings.IsSafety("p-a", "temperature", "heat-2"));
        Assert.False(readings.IsSafety("p-a", "temperature", "oven-1")); // a process temperature
        Assert.False(readings.IsSafety("p-a", "temperature", null));
        Assert.False(readings.IsSafety("p-a", "nmhc", "voc-1"));
        Assert.False(readings.IsSafety("p-b", "temperature", "heat-2")); // no rules known for that park
    }

    [Fact]
    public void The_overview_lists_every_park_alarms_first_each_newest_first()
    {
        var parks = SafetyEndpoints.Build(new HashSet<string>(["p-quiet", "p-a"]), [Fire("old", "p-a", 0), Fire("new", "p-a", 5)], registry: null);
        Assert.Equal(["p-a", "p-quiet"], parks.Select(p => p.Park));
        Assert.Equal(["new", "old"], parks[0].Alarms.Select(a => a.AlertId));
        Assert.Empty(parks[1].Alarms);
    }

    [Theory]
    [InlineData("/safety")]
    [InlineData("/api/safety/alarms")]
    [InlineData("/api/parks/{park}/alerts/{alertId}/timeline")]
    [InlineData("/api/parks/{park}/devices/{enterprise}/{device}/series")]
    public void The_gate_opens_the_safety_pages(string template) => Assert.Contains(template, SafetyRoleGate.Allowed);

    [Theory]
    [InlineData("/parks/{park}")]
    [InlineData("/api/parks/{park}/overview")]
    [InlineData("/bureau")]
    [InlineData("/api/bureau/exceedances")]
    [InlineData("/api/parks/{park}/alerts/{alertId}/ack")]
    [InlineData("/api/parks/{park}/rules")]
    public void The_gate_keeps_the_rest_closed(string template) => Assert.DoesNotContain(template, SafetyRoleGate.Allowed);
}
