using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Registry.Duty;
using SmartPark.Simulator.Generation;

namespace SmartPark.UnitTests.Registry;

/// <summary>
/// The demo's parks have a duty roster, so the roster page and notifications to people show
/// something, and every contact on it is made up: mobile numbers +861380000xxxx and addresses
/// under example.invalid, which reach nobody.
/// </summary>
public sealed class DemoDutyRosterTests
{
    private static string Parks => Path.Combine(AppContext.BaseDirectory, "parks");

    private static void AssertFake(RegistryDuty duty)
    {
        Assert.NotEmpty(duty.People);
        Assert.All(duty.People, p =>
        {
            Assert.True(p.Phone is null || (p.Phone.StartsWith(DemoDutyRoster.PhonePrefix, StringComparison.Ordinal) && p.Phone.Length == 14), p.Phone);
            Assert.True(p.Email is null || p.Email.EndsWith(DemoDutyRoster.EmailDomain, StringComparison.Ordinal), p.Email);
        });
    }

    [Fact]
    public void The_demo_park_has_a_roster_of_made_up_people_covering_every_hour_of_the_week()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var duty = Assert.Single(registry.Parks).Duty;

        Assert.NotNull(duty);
        AssertFake(duty);
        Assert.Equal("chen", duty.Manager);
        // Every hour of a week has a shift, so the first person is never the manager alone.
        var monday = new DateTimeOffset(2026, 12, 7, 0, 30, 0, DutyRoster.ChinaOffset);
        for (var hour = 0; hour < 7 * 24; hour++)
            Assert.NotNull(DutyRoster.ShiftAt(duty, monday.AddHours(hour)));
        // One 24-hour duty from 08:00 (the unacknowledged-alarm scenario escalates along it): zhang, wang, then the manager.
        Assert.Equal(["zhang", "wang", "chen"], DutyRoster.ChainAt(duty, monday.AddHours(9)).Select(p => p.Id));
        Assert.Equal(["zhang", "wang", "chen"], DutyRoster.ChainAt(duty, monday.AddHours(5 * 24 + 1)).Select(p => p.Id)); // Saturday 00:30: Friday's duty
    }

    [Fact]
    public void A_generated_parks_registry_carries_a_valid_roster_of_made_up_people()
    {
        var yaml = new System.Text.StringBuilder("parks:\n  - id: gen-park\n    name: 生成园\n    district: Baiyun\n    areaHectares: 3\n    leadingIndustry: furniture\n");
        DemoDutyRoster.Append(yaml);
        yaml.Append("services: []\n");

        var registry = RegistryLoader.Parse(yaml.ToString(), "generated");

        var duty = Assert.Single(registry.Parks).Duty;
        Assert.NotNull(duty);
        AssertFake(duty);
        Assert.Equal(["night", "day", "manager"], DutyRoster.ChainAt(duty, new DateTimeOffset(2026, 12, 8, 23, 0, 0, DutyRoster.ChinaOffset)).Select(p => p.Id));
    }
}
