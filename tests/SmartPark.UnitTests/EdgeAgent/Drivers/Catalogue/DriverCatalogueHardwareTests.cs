using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Catalogue;

/// <summary>Every real driver on a board that has none of its buses: D for each quantity, never a crash.</summary>
public class DriverCatalogueHardwareTests
{
    private static readonly Dictionary<string, (string, string)[]> MinimalSettings = new()
    {
        ["ads1115-transmitter"] = [("rangeHigh", "50")],
        ["mq-gas"] = [("r0Ohms", "10000")],
        ["ds18b20"] = [("deviceId", "28-000000000001")],
        ["gpio-smoke"] = [("pin", "5")],
        ["gpio-flame"] = [("pin", "6")],
        ["scd4x"] = [("stopWaitMs", "0")],
        ["gpio-pulse-meter"] = [("pin", "17"), ("quantity", "water_volume"), ("perPulse", "0.01")],
    };

    public static TheoryData<string> Drivers() => [.. DriverCatalogue.All.Where(d => d.Kind == DriverKind.Hardware).SelectMany(d => d.Names)];

    [Theory]
    [MemberData(nameof(Drivers))]
    public void Off_hardware_every_driver_reports_each_of_its_quantities_with_flag_D(string driver)
    {
        var sensor = Options(driver, MinimalSettings.GetValueOrDefault(driver, []));
        var context = TestContexts.Create(new FakeHardware(), new AgentOptions { Sensors = [sensor] });
        context.FireAlarm.Poll();
        var d = DriverFactory.Create(sensor, context);
        var values = d.Read(At);
        Assert.Equal(DriverCatalogue.QuantitiesOf(sensor), values.Select(v => v.Quantity));
        Assert.All(values, v => Assert.Equal(DataFlag.Fault, v.Flag));
        Assert.All(values, v => Assert.True(QuantityCatalogue.TryGet(v.Quantity, out _)));
    }

    [Fact]
    public void The_factory_builds_real_drivers_only_with_a_hardware_context_and_names_them_all_when_unknown()
    {
        var ex = Assert.Throws<ArgumentException>(() => DriverFactory.Create(Options("sht31"), "p"));
        Assert.Contains("pms5003", ex.Message);
        Assert.Contains("sim-voc", ex.Message);
        var context = TestContexts.Create(new FakeHardware());
        Assert.IsType<ResilientDriver>(DriverFactory.Create(Options("mhz19b"), context, "p"));
        // One resilience policy: a simulated twin the agent runs is behind the same wrapper.
        Assert.IsType<ResilientDriver>(DriverFactory.Create(Options("sim-voc"), context, "p"));
    }

    [Fact]
    public void A_settings_mistake_stops_the_agent_at_start_up()
    {
        var ex = Assert.Throws<ArgumentException>(() => DriverFactory.Create(Options("mq-gas"), TestContexts.Create(new FakeHardware())));
        Assert.Contains("r0Ohms", ex.Message);
    }

    [Fact]
    public void A_heat_sensor_listed_for_the_alarm_is_tapped()
    {
        var sensor = Options("mlx90614");
        var options = new AgentOptions { Sensors = [sensor], FireAlarm = new FireAlarmOptions { HeatSensors = ["s1"] } };
        var driver = DriverFactory.Create(sensor, TestContexts.Create(new FakeHardware(), options));
        Assert.IsType<SmartPark.EdgeAgent.Drivers.FireAlarm.HeatAlarmTap>(driver);
    }

    [Theory]
    [InlineData("mq-gas", "r0Ohms", "", "r0Ohms is missing")]
    [InlineData("ads1115-transmitter", "rangeHigh", "fifty", "Settings:rangeHigh 'fifty' is not a number")]
    [InlineData("ccs811", "address", "0x90", "outside 0x03..0x77")]
    [InlineData("max31856", "type", "Q", "type 'Q'")]
    [InlineData("gpio-flame", "pin", "99", "header GPIO")]
    [InlineData("pms5003", "pm25.scale", "0", "scale must be a finite non-zero number")]
    public void Validate_reports_settings_mistakes_without_opening_hardware(string driver, string key, string value, string message)
    {
        var settings = new Dictionary<string, string>(MinimalSettings.GetValueOrDefault(driver, []).ToDictionary(p => p.Item1, p => p.Item2)) { [key] = value };
        var problem = Assert.Single(DriverCatalogue.Problems(Options(driver, [.. settings.Select(kv => (kv.Key, kv.Value))])));
        Assert.Contains(message, problem);
    }

    [Theory]
    [MemberData(nameof(Drivers))]
    public void Validate_accepts_minimal_settings_for_every_driver(string driver) =>
        Assert.Empty(DriverCatalogue.Problems(Options(driver, [.. MinimalSettings.GetValueOrDefault(driver, [])])));

    [Fact]
    public void Validate_names_an_unknown_driver() =>
        Assert.Contains("unknown driver 'sht31'", Assert.Single(DriverCatalogue.Problems(Options("sht31"))));
}
