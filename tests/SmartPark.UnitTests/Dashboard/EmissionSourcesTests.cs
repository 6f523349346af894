using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Dashboard.Emissions;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>Which registry sensors are discharges, what the emissions view judges them by, their limit in force, and an hour's flag.</summary>
public sealed class EmissionSourcesTests
{
    private static RegistryEnterprise Enterprise(params RegistryDevice[] devices) =>
        new() { Id = "e1", Name = "厂", Industry = "x", Status = "operating", Devices = devices };

    private static RegistryDevice Device(string id, params RegistrySensor[] sensors) => new() { Id = id, Credential = "x", Sensors = sensors };

    [Fact]
    public void A_stack_is_judged_converted_when_the_registry_gives_its_reference_oxygen_and_a_workshop_VOC_sensor_is_no_discharge()
    {
        var sources = EmissionSources.Of("p", Enterprise(
            Device("cems", new RegistrySensor { Id = "g", Quantities = ["nox", "so2", "o2", "flue_gas_flow", "nmhc"], Emission = new EmissionSettings { ReferenceOxygen = 9 } }),
            Device("cems-raw", new RegistrySensor { Id = "g", Quantities = ["particulate"] }),
            Device("water", new RegistrySensor { Id = "w", Quantities = ["cod", "ph", "wastewater_flow"] }),
            Device("workshop", new RegistrySensor { Id = "v", Quantities = ["nmhc", "tvoc"] })));

        Assert.Equal(
            [("cems", "nox_converted", "nox_rate"), ("cems", "so2_converted", "so2_rate"), ("cems", "nmhc", "nmhc_rate"),
             ("cems-raw", "particulate", "particulate_rate"), ("water", "cod", "cod_rate"), ("water", "ph", null)],
            sources.Select(s => (s.Device, s.Shown.Name, s.Rate?.Name)));
    }

    [Fact]
    public void The_limit_in_force_is_the_most_specific_version_of_a_rule_and_the_strictest_rule()
    {
        var source = EmissionSources.Of("p", Enterprise(Device("cems",
            new RegistrySensor { Id = "g", Quantities = ["nox", "o2"], Emission = new EmissionSettings { ReferenceOxygen = 3.5 } })))[0];
        RuleLimit Rule(string id, double limit, string? enterprise = null, string? sensors = null) => new()
        {
            RuleId = id,
            Title = id,
            Kind = "average",
            Severity = "critical",
            Quantity = "nox_converted",
            Limit = limit,
            Enterprise = enterprise,
            Sensors = sensors,
        };
        ParkRules Rules(params RuleLimit[] rules) => new() { Park = "p", Region = "guangdong", PublishedAt = DateTimeOffset.UnixEpoch, Rules = rules };

        // The permit's 250 replaces the park's 200 for this enterprise, even though it is higher.
        Assert.Equal(250.0, EmissionLimits.For(Rules(Rule("nox-1h", 200), Rule("nox-1h", 250, "e1")), source)!.Limit);
        Assert.Equal(150.0, EmissionLimits.For(Rules(Rule("nox-1h", 200), Rule("nox-1h", 250, "e1"), Rule("nox-strict", 150)), source)!.Limit);
        Assert.Null(EmissionLimits.For(Rules(Rule("nox-1h", 200, "e2"), Rule("nox-other", 100, sensors: "other-*")), source));
        Assert.Null(EmissionLimits.For(null, source));
    }

    [Theory]
    [InlineData("C", 60L, 60L, "C")]
    [InlineData("C", 15L, 60L, "N")] // 75 % normal: a normal hour (HJ 212-2017 Annex C)
    [InlineData("M", 16L, 60L, "M")]
    public void An_hours_flag_is_normal_with_three_quarters_normal_readings_else_the_one_other_flag(string flag, long count, long readings, string expected) =>
        Assert.Equal(expected, HourFlags.Of(new Dictionary<string, long> { [flag] = count }, readings));

    [Fact]
    public void An_hour_of_mixed_flags_is_a_fault() =>
        Assert.Equal("D", HourFlags.Of(new Dictionary<string, long> { ["C"] = 30, ["M"] = 30 }, 60));
}
