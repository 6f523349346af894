using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.Simulator;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.UnitTests.Simulator;

/// <summary>The scenario events of the pollution sources: a diluted stack, a night discharge, a switched-off scrubber, a calibration.</summary>
public class PollutionEventTests
{
    // A Tuesday, 10:00 China time: the day shift is at work and the boiler fires.
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_diluted_stack_keeps_its_raw_nox_while_the_nox_at_reference_oxygen_passes_the_limit()
    {
        var lean = new FlueGasExceedance(5 * Minute, "e03", null, 15, 5 * Minute, 30 * Minute, 5 * Minute);
        var plain = Driver("sim-flue-gas-analyser");
        var bent = new ScenarioDriver(Driver("sim-flue-gas-analyser"), "e03", "d", Start, [lean], 1);

        // Both twins read at the same instants, so their seeded noise stays in step.
        var before = Values(bent, 2);
        Values(plain, 2);
        var held = Values(bent, 20);
        var normal = Values(plain, 20);
        Assert.Equal(15, held["o2"], 1);
        Assert.Equal(normal["nox"], held["nox"]);
        Assert.True(held["nox"] < 150, $"raw NOx {held["nox"]} stays under the limit");
        Assert.True(held["flue_gas_flow"] > normal["flue_gas_flow"] * 2, "the dilution air is more flue gas");
        Assert.True(held["flue_gas_humidity"] < normal["flue_gas_humidity"], "and drier");
        // GB 13271 judges a gas-fired boiler at 3.5 % O2: the same raw NOx is more than twice the value once diluted to 15 %.
        Assert.True(Converted(held) > 200, $"converted {Converted(held)}");
        Assert.True(Converted(before) < 150, $"converted {Converted(before)} before");
        Assert.Equal(Values(plain, 50)["o2"], Values(bent, 50)["o2"]);
    }

    [Fact]
    public void A_night_discharge_runs_the_outlet_flow_of_a_shut_down_works_for_its_duration()
    {
        var discharge = new NightDischarge(5 * Minute, "e05", 3, 20 * Minute);
        var meter = new ScenarioDriver(Driver("sim-wastewater-flow", ("shift", "shut-down")), "e05", "d", Start, [discharge], 1);
        Assert.Equal(0, Flow(meter, 4));
        Assert.InRange(Flow(meter, 10), 2.5, 3.5);
        Assert.InRange(Flow(meter, 24), 2.5, 3.5);
        Assert.Equal(0, Flow(meter, 26));
        var elsewhere = new ScenarioDriver(Driver("sim-wastewater-flow", ("shift", "shut-down")), "e06", "d", Start, [discharge], 1);
        Assert.Equal(0, Flow(elsewhere, 10));
    }

    [Fact]
    public void A_switched_off_scrubber_draws_its_standby_while_the_line_runs()
    {
        var off = new TreatmentOff(5 * Minute, "e01-edge1", "s-1", 0.2, 20 * Minute);
        var fan = new ScenarioDriver(Driver("sim-energy-meter", ("ratedKw", "15"), ("fixedSpeed", "true")), "e01", "e01-edge1", Start, [off], 1);
        Assert.InRange(Values(fan, 4)["power"], 12, 15.5);
        Assert.InRange(Values(fan, 10)["power"], 0.15, 0.25);
        Assert.InRange(Values(fan, 10)["current"], 0.2, 0.4);
        Assert.InRange(Values(fan, 26)["power"], 12, 15.5);
    }

    [Fact]
    public void A_calibration_reads_span_gas_flagged_c_and_leaves_the_flow_probes_alone()
    {
        var calibration = new Calibration(5 * Minute, "d", "s-1", 400, 15 * Minute);
        var plain = Driver("sim-flue-gas-analyser");
        var bent = new ScenarioDriver(Driver("sim-flue-gas-analyser"), "e03", "d", Start, [calibration], 1);
        var during = bent.Read(Start + (10 * Minute)).ToDictionary(v => v.Quantity);
        var normal = plain.Read(Start + (10 * Minute)).ToDictionary(v => v.Quantity);

        Assert.Equal((400, DataFlag.Calibration), (during["nox"].Value, during["nox"].Flag));
        Assert.All(new[] { "no", "no2", "so2", "co", "o2" }, q => Assert.Equal(DataFlag.Calibration, during[q].Flag));
        Assert.All(new[] { "particulate", "flue_gas_flow", "flue_gas_temperature", "flue_gas_pressure", "flue_gas_humidity", "flue_gas_velocity" },
            q => Assert.Equal((normal[q].Value, DataFlag.Normal), (during[q].Value, during[q].Flag)));
        Assert.All(bent.Read(Start + (21 * Minute)), v => Assert.Equal(DataFlag.Normal, v.Flag));
        // Ingest's conversion of a calibrated reading carries the C: no rule judges it.
        var derived = EmissionDerivation.Derive(Batch(during.Values), _ => new EmissionSettings { ReferenceOxygen = 3.5 });
        Assert.Equal(DataFlag.Calibration, derived.Single(r => r.Quantity == "nox_converted").Flag);
    }

    [Fact]
    public void Pollution_events_are_checked_against_the_demo_park_with_their_place_named()
    {
        var document = new ScenarioDocument
        {
            Clock = new ClockDocument { Speed = 300, SampleEvery = "75s" },
            Duration = "1h",
            Events =
            [
                new EventDocument { At = "1m", Kind = "flue-gas-exceedance", Enterprise = "e01-huaxin-furniture" },
                new EventDocument { At = "1m", Kind = "flue-gas-exceedance", Enterprise = "e03-jiali-plastics", O2 = 21 },
                new EventDocument { At = "1m", Kind = "night-discharge", Enterprise = "e06-tianfu-metal" },
                new EventDocument { At = "1m", Kind = "night-discharge", Enterprise = "e99-nobody" },
                new EventDocument { At = "1m", Kind = "treatment-off", Device = "e01-edge1", Sensor = "voc-1" },
                new EventDocument { At = "1m", Kind = "treatment-off", Device = "e01-edge1", Sensor = "fan-9" },
                new EventDocument { At = "1m", Kind = "calibration", Device = "e03-edge1", Sensor = "meter-1" },
                new EventDocument { At = "1m", Kind = "calibration", Device = "e03-edge1", Sensor = "cems-1", Span = -5 },
            ],
        };
        var problems = new List<string>();
        ScenarioLoader.Compile(document, ParkFile.Load(DemoPark), "pollution.yaml", problems);
        Assert.Contains(problems, p => p.StartsWith("events[0]: enterprise 'e01-huaxin-furniture' has no a flue-gas analyser", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[1]: o2 21 must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[2]: enterprise 'e06-tianfu-metal' is converting; a night discharge needs a shut_down enterprise", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[3]: enterprise 'e99-nobody' is not in park", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[4]: sensor 'voc-1' of device 'e01-edge1' (sim-voc) is not an electricity meter", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[5]: device 'e01-edge1' has no sensor 'fan-9'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[6]: sensor 'meter-1' of device 'e03-edge1' (sim-energy-meter) is not an analyser", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[7]: span -5 must be above 0", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    private static string DemoPark => Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.json");

    private static ISensorDriver Driver(string driver, params (string Key, string Value)[] settings) =>
        DriverFactory.Create(new SensorOptions { Id = "s-1", Driver = driver, Settings = settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase) }, "p", "e", "d");

    private static Dictionary<string, double> Values(ISensorDriver driver, double minutes) =>
        driver.Read(Start.AddMinutes(minutes)).ToDictionary(v => v.Quantity, v => v.Value);

    private static double Flow(ISensorDriver driver, double minutes) => Values(driver, minutes)["wastewater_flow"];

    private static double Converted(IReadOnlyDictionary<string, double> v) => FlueGasFormulas.AtReferenceOxygen(v["nox"], v["o2"], 3.5) ?? double.NaN;

    private static List<Reading> Batch(IEnumerable<SensorValue> values) =>
        [.. values.Select(v => new Reading { Sensor = "s-1", Quantity = v.Quantity, Value = v.Value, Unit = "x", Ts = Start, Flag = v.Flag })];
}
