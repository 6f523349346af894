using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;

namespace SmartPark.UnitTests.EdgeAgent;

/// <summary>The safety twins (electrical fire, toxic gas, fire water) stay healthy on their own: a demo park
/// raises no safety alarm unless a scenario bends their readings.</summary>
public class SafetyTwinTests
{
    private static readonly DateTimeOffset WorkingMorning = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Night = new(2026, 11, 24, 2, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<Dictionary<string, double>> Day(string driver, params (string Key, string Value)[] settings)
    {
        var twin = DriverFactory.Create(new SensorOptions
        {
            Id = "s1",
            Driver = driver,
            Settings = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase),
        }, "p", "e", "d");
        return [.. Enumerable.Range(0, 24 * 12).Select(i => twin.Read(Night + TimeSpan.FromMinutes(5 * i)).ToDictionary(v => v.Quantity, v => v.Value))];
    }

    [Fact]
    public void A_healthy_circuit_leaks_well_under_the_alarm_and_its_terminal_warms_with_the_load()
    {
        var day = Day("sim-electrical-fire", ("leakageMa", "120"));

        Assert.All(day, r => Assert.InRange(r["residual_current"], 0, 200));
        Assert.All(day, r => Assert.InRange(r["cable_temperature"], 10, 60));
        Assert.All(day, r => Assert.Equal(0, r["arc_fault"]));
        // 02:00 (idle) against 10:00 (the day shift at work): the loaded terminal is warmer.
        var working = (int)((WorkingMorning - Night) / TimeSpan.FromMinutes(5));
        Assert.True(day[working]["cable_temperature"] > day[0]["cable_temperature"] + 8);
    }

    [Fact]
    public void Toxic_cells_read_near_zero_far_below_their_exposure_limits()
    {
        var day = Day("sim-toxic-gas");

        Assert.All(day, r => Assert.InRange(r["h2s"], 0, 1));
        Assert.All(day, r => Assert.InRange(r["co_ambient"], 0, 5));
        Assert.All(day, r => Assert.InRange(r["nh3"], 0, 3));
        Assert.All(day, r => Assert.InRange(r["cl2"], 0, 0.1));
    }

    [Fact]
    public void The_jockey_pump_holds_the_main_between_its_start_and_stop_pressures_and_the_tank_full()
    {
        var day = Day("sim-fire-water", ("startMpa", "0.4"), ("stopMpa", "0.45"), ("levelM", "2.5"));

        Assert.All(day, r => Assert.InRange(r["fire_water_pressure"], 0.39, 0.46));
        Assert.All(day, r => Assert.InRange(r["fire_water_level"], 2.45, 2.52));
        // A saw-tooth, not a constant: the pressure moves through its band.
        Assert.True(day.Max(r => r["fire_water_pressure"]) - day.Min(r => r["fire_water_pressure"]) > 0.03);
    }
}
