using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.Simulator;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.UnitTests.Simulator;

public class ScenarioTests
{
    private static readonly string ScenarioDirectory = Path.Combine(FindRoot(), "simulators", "scenarios");
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Every_shipped_scenario_loads()
    {
        var files = Directory.GetFiles(ScenarioDirectory, "*.yaml");
        Assert.True(files.Length >= 6);
        foreach (var file in files)
        {
            var scenario = ScenarioLoader.Load(file);
            Assert.Equal("baiyun-shimen", scenario.Park.Park.Id);
            Assert.NotEmpty(scenario.Events);
        }
    }

    [Fact]
    public void A_broken_scenario_gets_every_problem_named()
    {
        var document = new ScenarioDocument
        {
            Clock = new ClockDocument { Speed = 0, Start = "25h" },
            Duration = "ten minutes",
            Events =
            [
                new EventDocument { At = "1m", Kind = "voc-leak", Enterprise = "e99-nobody" },
                new EventDocument { At = "1m", Kind = "illegal-operation", Enterprise = "e02-meida-printing" },
                new EventDocument { At = "1m", Kind = "sensor-fault", Device = "e01-edge1", Sensor = "voc-9", Mode = "melted" },
                new EventDocument { At = "1m", Kind = "earthquake" },
            ],
            Expect = [new ExpectationDocument { Kind = "alert", Rule = "smoke" }],
        };
        var problems = new List<string>();
        ScenarioLoader.Compile(document, ParkFile.Load(DemoPark), "broken.yaml", problems);
        Assert.Contains(problems, p => p.Contains("clock.speed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("clock.start '25h'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ten minutes' is not a duration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("enterprise 'e99-nobody' is not in park", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs a shut_down enterprise", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no sensor 'voc-9'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("mode 'melted'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("kind 'earthquake'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'by'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clock_too_fast_for_the_sampling_is_refused_with_the_interval_to_use()
    {
        var document = new ScenarioDocument { Clock = new ClockDocument { Speed = 600 }, Duration = "1h" };
        var problems = new List<string>();
        ScenarioLoader.Compile(document, ParkFile.Load(DemoPark), "fast.yaml", problems);
        Assert.Contains(problems, p => p.Contains("set clock.sampleEvery to at least 30s", StringComparison.Ordinal));
        problems.Clear();
        ScenarioLoader.Compile(new ScenarioDocument { Clock = new ClockDocument { Speed = 600, SampleEvery = "30s" }, Duration = "1h" }, ParkFile.Load(DemoPark), "fast.yaml", problems);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m30s", 150)]
    public void Durations_read_as_written(string text, double seconds)
    {
        Assert.True(SimDuration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m5")]
    [InlineData("5 minutes")]
    public void Durations_without_units_are_refused(string text) => Assert.False(SimDuration.TryParse(text, out _));

    [Fact]
    public void A_voc_leak_ramps_holds_and_recovers()
    {
        var leak = new VocLeak(TimeSpan.FromMinutes(5), "e02", null, 30, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(2));
        var plain = Driver("sim-voc");
        var bent = new ScenarioDriver(Driver("sim-voc"), "e02", "d", Start, [leak], 1);
        double Extra(double minutes) => Nmhc(bent, minutes) - Nmhc(plain, minutes);
        Assert.Equal(0, Extra(4), 3);
        Assert.Equal(15, Extra(6), 3);
        Assert.Equal(30, Extra(9), 3);
        Assert.Equal(15, Extra(12), 3);
        Assert.Equal(0, Extra(14), 3);
    }

    [Fact]
    public void A_fire_heats_then_smokes_then_flames_and_goes_out()
    {
        var fire = new Fire(TimeSpan.FromMinutes(1), "e01", 8, 60, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
        var heat = new ScenarioDriver(Driver("sim-heat"), "e01", "d", Start, [fire], 1);
        var plainHeat = Driver("sim-heat");
        var detector = new ScenarioDriver(Driver("sim-fire-detector"), "e01", "d", Start, [fire], 1);
        Assert.Equal(16, heat.Read(Start.AddMinutes(3)).Single().Value - plainHeat.Read(Start.AddMinutes(3)).Single().Value, 1);
        Assert.Equal([0.0, 0.0], detector.Read(Start.AddMinutes(1.5)).Select(v => v.Value));
        Assert.Equal([1.0, 0.0], detector.Read(Start.AddMinutes(2.5)).Select(v => v.Value));
        Assert.Equal([1.0, 1.0], detector.Read(Start.AddMinutes(3.5)).Select(v => v.Value));
        Assert.Equal([0.0, 0.0], detector.Read(Start.AddMinutes(6.5)).Select(v => v.Value));
    }

    [Fact]
    public void Faults_freeze_scale_and_silence_a_sensor_only_while_they_last()
    {
        SensorFault Fault(FaultMode mode, double amount = 1) => new(TimeSpan.FromMinutes(1), "d", "s-1", "nmhc", mode, amount, TimeSpan.FromMinutes(10));
        var stuck = new ScenarioDriver(Driver("sim-voc"), "e", "d", Start, [Fault(FaultMode.Stuck)], 1);
        var frozen = Enumerable.Range(2, 5).Select(m => Nmhc(stuck, m)).Distinct().ToList();
        Assert.Single(frozen);
        Assert.NotEqual(frozen[0], Nmhc(stuck, 12));

        var scaled = new ScenarioDriver(Driver("sim-voc"), "e", "d", Start, [Fault(FaultMode.Scale, 1000)], 1);
        Assert.Equal(Nmhc(Driver("sim-voc"), 5) * 1000, Nmhc(scaled, 5), 0);

        var dead = new ScenarioDriver(Driver("sim-voc"), "e", "d", Start, [Fault(FaultMode.Dead)], 1);
        Assert.Throws<IOException>(() => dead.Read(Start.AddMinutes(5)));
        Assert.NotEmpty(dead.Read(Start.AddMinutes(12)));
    }

    [Fact]
    public void The_same_seed_bends_readings_the_same_way()
    {
        var fault = new SensorFault(TimeSpan.Zero, "d", "s-1", null, FaultMode.Noise, 2, TimeSpan.FromHours(1));
        List<double> Run() => [.. Enumerable.Range(0, 30).Select(m => Nmhc(new ScenarioDriver(Driver("sim-voc"), "e", "d", Start, [fault], 5), m))];
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void An_accelerated_clock_ends_over_an_hour_behind_the_wall_on_a_working_day_at_its_start_time()
    {
        var wall = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero); // a Monday, 11:00 in China
        var clock = SimulatedClock.For(240, new TimeSpan(22, 0, 0), TimeSpan.FromMinutes(45), wall);
        var simStart = clock.SimStart.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new TimeSpan(22, 0, 0), simStart.TimeOfDay);
        Assert.NotEqual(DayOfWeek.Sunday, simStart.DayOfWeek);
        Assert.True(clock.SimStart + TimeSpan.FromMinutes(45) <= wall - SimulatedClock.AcceleratedLag);
        Assert.Equal(clock.SimStart + TimeSpan.FromMinutes(4), clock.ToSim(wall + TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), clock.ToWall(TimeSpan.FromMinutes(4)));
    }

    [Fact]
    public void Real_time_is_now()
    {
        var wall = DateTimeOffset.UtcNow;
        var clock = SimulatedClock.For(1, new TimeSpan(22, 0, 0), TimeSpan.FromMinutes(45), wall);
        Assert.Equal(wall, clock.SimStart);
    }

    private static string DemoPark => Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.json");

    private static ISensorDriver Driver(string driver) =>
        // peakChance is sim-voc's setting: the other twins refuse a key they do not read.
        DriverFactory.Create(new SensorOptions { Id = "s-1", Driver = driver, Settings = driver == "sim-voc" ? new() { ["peakChance"] = "0" } : [] }, "p", "e", "d");

    private static double Nmhc(ISensorDriver driver, double minutes) => driver.Read(Start.AddMinutes(minutes)).Single(v => v.Quantity == "nmhc").Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPark.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("SmartPark.sln not found");
    }
}
