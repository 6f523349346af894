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
    [InlineData("sim-flue-gas-analyser")]
    [InlineData("sim-water-analyser")]
    [InlineData("sim-wastewater-flow")]
    [InlineData("sim-voc-species")]
    [InlineData("sim-water-meter")]
    [InlineData("sim-gas-meter")]
    [InlineData("sim-steam-meter")]
    [InlineData("sim-electrical-fire")]
    [InlineData("sim-toxic-gas")]
    [InlineData("sim-fire-water")]
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
        // Converted concentrations and emission rates are Ingest's to derive (src/Contracts/Emissions): no device sends them.
        var covered = DriverFactory.Known.SelectMany(k => DriverFactory.Create(Sensor(k), "p").Quantities).ToHashSet();
        Assert.Equal(QuantityCatalogue.All.Where(q => !q.IsDerived).Select(q => q.Name).Order(), covered.Order());
        Assert.DoesNotContain(covered, q => QuantityCatalogue.Get(q).IsDerived);
    }

    private static IReadOnlyDictionary<string, double> Values(ISensorDriver driver, DateTimeOffset at) =>
        driver.Read(at).ToDictionary(v => v.Quantity, v => v.Value);

    [Fact]
    public void Flue_gas_analyser_fires_with_the_shift_and_holds_air_when_the_burner_is_off()
    {
        var cems = DriverFactory.Create(Sensor("sim-flue-gas-analyser", ("seed", "4")), "p", "e", "d");
        var firing = Every(TimeSpan.FromMinutes(1), WorkingMorning, 120).Select(t => Values(cems, t)).ToList();
        var stopped = Every(TimeSpan.FromMinutes(1), Night, 60).Select(t => Values(cems, t)).ToList();

        // A gas-fired boiler at 4–7 % O2 emits raw NOx of roughly 60–110 mg/m³ as it modulates.
        Assert.All(firing, v =>
        {
            Assert.InRange(v["o2"], 3.5, 7.5);
            Assert.InRange(v["nox"], 50, 125);
            Assert.Equal(Math.Round(v["nox"], 1), v["nox"]);
            Assert.InRange(v["so2"], 0, 10);
            Assert.InRange(v["flue_gas_temperature"], 100, 160);
            Assert.InRange(v["flue_gas_humidity"], 8, 18);
            Assert.InRange(v["flue_gas_velocity"], 2, 12);
            // NOx is reported as NO2: NO converted to NO2 plus NO2 add up to it.
            Assert.InRange((v["no"] * 46 / 30) + v["no2"], v["nox"] - 0.3, v["nox"] + 0.3);
        });
        Assert.InRange(firing.Max(v => v["o2"]) - firing.Min(v => v["o2"]), 1, 4);
        Assert.InRange(firing.Average(v => v["nox"]), 70, 110);
        Assert.All(stopped, v =>
        {
            Assert.InRange(v["o2"], 20, 20.9);
            Assert.InRange(v["nox"], 0, 5);
            Assert.InRange(v["flue_gas_flow"], 0, 0.1);
        });
        // At full fire the boiler's nominal flow; the converted NOx of normal firing stays under GB 13271's 150 mg/m³.
        Assert.InRange(firing.Average(v => v["flue_gas_flow"]), 0.5, 0.9);
        Assert.All(firing, v => Assert.True(v["nox"] * (21 - 3.5) / (21 - v["o2"]) < 150, $"converted NOx {v["nox"]} at {v["o2"]} % O2"));
    }

    [Fact]
    public void Water_analyser_discharges_during_shifts_only_and_stays_under_the_limits()
    {
        var station = DriverFactory.Create(Sensor("sim-water-analyser", ("seed", "2")), "p", "e", "d");
        var day = Every(TimeSpan.FromMinutes(5), WorkingMorning, 24).Select(t => Values(station, t)).ToList();
        var night = Every(TimeSpan.FromMinutes(5), Night, 24).Select(t => Values(station, t)).ToList();

        Assert.All(day, v =>
        {
            Assert.InRange(v["wastewater_flow"], 1.5, 3);
            Assert.InRange(v["cod"], 25, 70);
            Assert.InRange(v["ammonia_nitrogen"], 1, 10);
            Assert.InRange(v["total_phosphorus"], 0.1, 0.8);
            Assert.InRange(v["total_nitrogen"], v["ammonia_nitrogen"], 18);
            Assert.InRange(v["ph"], 6.5, 8);
        });
        Assert.All(night, v => Assert.Equal(0, v["wastewater_flow"]));
        Assert.True(night.Average(v => v["cod"]) < day.Average(v => v["cod"]), "standing water reads lower than the discharge");
    }

    [Fact]
    public void Wastewater_flow_of_a_shut_down_works_is_zero_day_and_night()
    {
        var meter = DriverFactory.Create(Sensor("sim-wastewater-flow", ("shift", "shut-down")), "p", "e", "d");
        Assert.All(Every(TimeSpan.FromMinutes(30), Night, 48), t => Assert.Equal(0, meter.Read(t).Single().Value));
        var running = DriverFactory.Create(Sensor("sim-wastewater-flow", ("flowLs", "4")), "p", "e", "d");
        Assert.InRange(running.Read(WorkingMorning).Single().Value, 3, 4.2);
    }

    [Fact]
    public void Voc_species_follow_production_over_a_small_idle_level()
    {
        var gc = DriverFactory.Create(Sensor("sim-voc-species"), "p", "e", "d");
        var day = Every(TimeSpan.FromMinutes(5), WorkingMorning, 24).Select(t => Values(gc, t)).ToList();
        var night = Every(TimeSpan.FromMinutes(5), Night, 24).Select(t => Values(gc, t)).ToList();
        Assert.InRange(day.Average(v => v["benzene"]), 0.04, 0.06);
        Assert.InRange(day.Average(v => v["toluene"]), 0.7, 0.9);
        Assert.InRange(day.Average(v => v["xylene"]), 1.3, 1.7);
        Assert.All(night, v => Assert.True(v["xylene"] < 0.15, $"xylene {v["xylene"]} at night"));
    }

    [Fact]
    public void A_fixed_speed_treatment_fan_runs_at_full_load_whenever_the_line_runs()
    {
        static double Power(DateTimeOffset at) =>
            DriverFactory.Create(Sensor("sim-energy-meter", ("ratedKw", "15"), ("standbyKw", "0.3"), ("fixedSpeed", "true")), "p")
                .Read(at).Single(v => v.Quantity == "power").Value;
        Assert.InRange(Power(WorkingMorning), 12, 15.5);
        // 07:45: the line ramps up at half load, the fan already at full speed.
        Assert.InRange(Power(new DateTimeOffset(2026, 11, 24, 7, 45, 0, TimeSpan.FromHours(8))), 12, 15.5);
        Assert.InRange(Power(Night), 0, 0.5);
    }

    [Theory]
    [InlineData("sim-flue-gas-analyser")]
    [InlineData("sim-water-analyser")]
    [InlineData("sim-voc-species")]
    [InlineData("sim-electrical-fire")]
    [InlineData("sim-toxic-gas")]
    [InlineData("sim-fire-water")]
    public void New_twins_repeat_with_their_seed(string driver)
    {
        IReadOnlyList<double> Run(string seed) =>
            [.. Every(TimeSpan.FromMinutes(3), WorkingMorning, 40).SelectMany(DriverFactory.Create(Sensor(driver, ("seed", seed)), "p", "e", "d").Read).Select(v => v.Value)];
        Assert.Equal(Run("7"), Run("7"));
        Assert.NotEqual(Run("7"), Run("8"));
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
