using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.UnitTests.EdgeAgent;

public class SimulatedDriverTests
{
    // A Tuesday, 10:00 China time: the day shift is at work.
    private static readonly DateTimeOffset WorkingMorning = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    // The same Tuesday, 02:00 China time: a day-shift enterprise is idle.
    private static readonly DateTimeOffset Night = new(2026, 11, 24, 2, 0, 0, TimeSpan.FromHours(8));

    private static SensorOptions Sensor(string driver, params (string Key, string Value)[] settings) => new()
    {
        Id = "s1",
        Driver = driver,
        Settings = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase),
    };

    private static IEnumerable<DateTimeOffset> Every(TimeSpan step, DateTimeOffset from, int count) =>
        Enumerable.Range(0, count).Select(i => from + (step * i));

    [Theory]
    [InlineData("sim-energy-meter")]
    [InlineData("sim-voc")]
    [InlineData("sim-fire-detector")]
    [InlineData("sim-heat")]
    [InlineData("sim-air-quality")]
    [InlineData("sim-gas")]
    [InlineData("sim-flue-gas")]
    [InlineData("sim-water-meter")]
    [InlineData("sim-gas-meter")]
    [InlineData("sim-steam-meter")]
    public void Every_driver_yields_catalogue_quantities_within_physical_range(string driver)
    {
        var d = DriverFactory.Create(Sensor(driver), "p", "e", "d");
        foreach (var at in Every(TimeSpan.FromMinutes(7), Night, 500))
        {
            var values = d.Read(at);
            Assert.Equal(d.Quantities, values.Select(v => v.Quantity));
            foreach (var v in values)
            {
                var q = QuantityCatalogue.Get(v.Quantity);
                Assert.InRange(v.Value, q.Minimum, q.Maximum);
                if (q.IsBoolean)
                    Assert.Contains(v.Value, new[] { 0.0, 1.0 });
            }
        }
    }

    [Fact]
    public void Simulated_drivers_cover_the_whole_catalogue()
    {
        var covered = DriverFactory.Known.SelectMany(k => DriverFactory.Create(Sensor(k), "p").Quantities).ToHashSet();
        Assert.Equal(QuantityCatalogue.All.Select(q => q.Name).Order(), covered.Order());
    }

    [Fact]
    public void Flue_gas_nox_follows_firing_and_keeps_its_one_decimal()
    {
        var cems = DriverFactory.Create(Sensor("sim-flue-gas", ("standbyMg", "5"), ("processMg", "60")), "p");
        double Mean(DateTimeOffset from) => Every(TimeSpan.FromMinutes(1), from, 60).Average(t => cems.Read(t).Single().Value);
        // Full firing on the day shift: about 65 mg/m³; the burner on standby at night: about 5.
        Assert.InRange(Mean(WorkingMorning), 55, 75);
        Assert.InRange(Mean(Night), 3, 7);
        Assert.All(Every(TimeSpan.FromMinutes(1), WorkingMorning, 60), t =>
        {
            var v = cems.Read(t).Single();
            Assert.Equal("nox", v.Quantity);
            Assert.Equal(Math.Round(v.Value, 1), v.Value);
        });
    }

    [Fact]
    public void Same_seed_gives_the_same_readings_and_another_seed_does_not()
    {
        static IReadOnlyList<double> Run(string seed) =>
            Every(TimeSpan.FromSeconds(5), WorkingMorning, 50)
                .SelectMany(DriverFactory.Create(Sensor("sim-voc", ("seed", seed)), "p", "e", "d").Read)
                .Select(v => v.Value).ToList();
        Assert.Equal(Run("7"), Run("7"));
        Assert.NotEqual(Run("7"), Run("8"));
    }

    [Fact]
    public void Energy_register_only_counts_up_and_matches_the_power_drawn()
    {
        var meter = DriverFactory.Create(Sensor("sim-energy-meter", ("ratedKw", "100")), "p");
        var readings = Every(TimeSpan.FromMinutes(1), WorkingMorning, 120).Select(meter.Read).ToList();
        var energy = readings.Select(r => r.Single(v => v.Quantity == "energy").Value).ToList();
        Assert.All(energy.Zip(energy.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        // Two working hours at 80–100 % of 100 kW: the register rises by about 160–200 kWh.
        Assert.InRange(energy[^1] - energy[0], 150, 210);
    }

    [Theory]
    [InlineData("sim-water-meter", "water_volume", "6")]
    [InlineData("sim-gas-meter", "gas_volume", "40")]
    [InlineData("sim-steam-meter", "steam_mass", "1.5")]
    public void Supply_meters_only_count_up_with_production_and_barely_at_night(string driver, string quantity, string ratedPerHour)
    {
        var rated = double.Parse(ratedPerHour, System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<double> Register(DateTimeOffset from)
        {
            var meter = DriverFactory.Create(Sensor(driver, ("seed", "3")), "p", "e", "d");
            return [.. Every(TimeSpan.FromMinutes(1), from, 121).Select(t => meter.Read(t).Single(v => v.Quantity == quantity).Value)];
        }

        var day = Register(WorkingMorning);
        var night = Register(Night);

        Assert.All(day.Zip(day.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        // Two working hours at 80–100 % of rated plus 5 % standby; two idle night hours at the standby flow.
        Assert.InRange(day[^1] - day[0], 2 * rated * 0.84, 2 * rated * 1.06);
        Assert.InRange(night[^1] - night[0], 2 * rated * 0.04, 2 * rated * 0.06);
        // Read again from the same instant, a restarted twin's register stands where it stood.
        Assert.Equal(day[0], Register(WorkingMorning)[0]);
    }

    [Fact]
    public void Power_follows_the_working_day_and_a_shut_down_enterprise_draws_standby_only()
    {
        static double Power(string shift, DateTimeOffset at)
        {
            var meter = DriverFactory.Create(Sensor("sim-energy-meter", ("ratedKw", "200"), ("shift", shift)), "p");
            return meter.Read(at).Single(v => v.Quantity == "power").Value;
        }
        Assert.InRange(Power("day", WorkingMorning), 150, 210);
        Assert.InRange(Power("day", Night), 0, 10);
        Assert.InRange(Power("shut-down", WorkingMorning), 0, 10);
        Assert.InRange(Power("two-shifts", new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.FromHours(8))), 110, 180);
    }

    [Fact]
    public void Voc_is_noisy_follows_production_and_peaks_now_and_then()
    {
        var voc = DriverFactory.Create(Sensor("sim-voc", ("backgroundMg", "0.4"), ("processMg", "2.5"), ("peakChance", "0.02")), "p");
        var day = Every(TimeSpan.FromSeconds(5), WorkingMorning, 2000).Select(t => voc.Read(t)[0].Value).ToList();
        var night = Every(TimeSpan.FromSeconds(5), Night, 200).Select(t => voc.Read(t)[0].Value).ToList();
        var median = day.Order().ElementAt(day.Count / 2);
        Assert.InRange(median, 2.5, 3.2);
        Assert.InRange(night.Average(), 0.3, 0.5);
        Assert.True(day.Distinct().Count() > day.Count / 2, "readings should be noisy, not constant");
        Assert.Contains(day, v => v > 2 * median);
    }

    [Fact]
    public void Fire_detectors_stay_quiet_unless_set_to_alarm()
    {
        var quiet = DriverFactory.Create(Sensor("sim-fire-detector"), "p");
        Assert.All(Every(TimeSpan.FromSeconds(2), Night, 100).SelectMany(quiet.Read), v => Assert.Equal(0, v.Value));
        var alarm = DriverFactory.Create(Sensor("sim-fire-detector", ("smoke", "true")), "p");
        Assert.Equal(1, alarm.Read(Night).Single(v => v.Quantity == "smoke").Value);
    }

    [Fact]
    public void Unknown_driver_is_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => DriverFactory.Create(Sensor("sim-unicorn"), "p"));
        Assert.Contains("sim-unicorn", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 0, 1.0)]   // Tuesday 10:00
    [InlineData(12, 45, 0.0)]  // lunch
    [InlineData(7, 45, 0.5)]   // ramping up for 08:00
    [InlineData(22, 0, 0.0)]   // evening
    public void Day_shift_profile(int hour, int minute, double expected) =>
        Assert.Equal(expected, ProductionProfile.Level(new DateTimeOffset(2026, 11, 24, hour, minute, 0, TimeSpan.FromHours(8)), ShiftPattern.Day), 3);

    [Fact]
    public void Sunday_is_a_day_off() =>
        Assert.Equal(0, ProductionProfile.Level(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8)), ShiftPattern.Day));
}
