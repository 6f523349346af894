using System.Text.Json;
using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent;
using SmartPark.Simulator;
using SmartPark.Simulator.Generation;

namespace SmartPark.UnitTests.Simulator;

public class ParkGeneratorTests
{
    private static readonly GeneratorOptions Options = new()
    {
        ParkId = "huadu-gen",
        District = "Huadu",
        Enterprises = 20,
        Mix = new Dictionary<string, double> { ["furniture_painting"] = 3, ["printing"] = 1, ["plastics_rubber"] = 1, ["metalwork"] = 1 },
        ShutDownShare = 0.15,
        Seed = 42,
    };

    [Fact]
    public void The_same_seed_gives_the_same_park_and_another_seed_another()
    {
        var first = JsonSerializer.Serialize(ParkGenerator.Generate(Options));
        Assert.Equal(first, JsonSerializer.Serialize(ParkGenerator.Generate(Options)));
        Assert.NotEqual(first, JsonSerializer.Serialize(ParkGenerator.Generate(Options with { Seed = 43 })));
    }

    [Fact]
    public void The_same_seed_gives_the_same_readings()
    {
        Assert.Equal(ReadAll(Options), ReadAll(Options));
        Assert.NotEqual(ReadAll(Options), ReadAll(Options with { Seed = 7 }));
    }

    [Fact]
    public void Enterprises_follow_the_mix_carry_their_industry_sensors_and_some_are_shut_down()
    {
        var park = ParkGenerator.Generate(Options);
        Assert.Empty(ParkFile.Check(park));
        Assert.Equal(20, park.Enterprises.Count);
        Assert.Equal(3, park.Enterprises.Count(e => e.Status == RenovationStatus.ShutDown));
        Assert.All(park.Enterprises, e => Assert.Contains(e.Industry, Options.Mix.Keys));
        Assert.Equal("furniture_painting", park.Park.LeadingIndustry);
        foreach (var e in park.Enterprises)
        {
            var sensors = e.Devices.Single().Sensors.Select(s => s.Driver).ToList();
            Assert.Contains("sim-energy-meter", sensors);
            Assert.Contains("sim-voc", sensors);
            Assert.Contains("sim-fire-detector", sensors);
            Assert.Equal(e.Industry is "plastics_rubber" or "metalwork", sensors.Contains("sim-gas"));
            // Every works meters its water; gas where it dries or heat-treats, steam where it vulcanises.
            Assert.Contains("sim-water-meter", sensors);
            Assert.Equal(e.Industry is "furniture_painting" or "printing" or "metalwork", sensors.Contains("sim-gas-meter"));
            Assert.Equal(e.Industry is "plastics_rubber", sensors.Contains("sim-steam-meter"));
        }
        // A shut-down works' standby stays under the illegal-operation floor (2 kW), so only real running is flagged.
        Assert.All(park.Enterprises.Where(e => e.Status == RenovationStatus.ShutDown),
            e => Assert.True(e.Devices.Single().Sensors.Single(s => s.Id == "meter-1").GetDouble("standbyKw", 99) < 2));
    }

    [Fact]
    public void The_registry_it_writes_accepts_every_device_with_its_derived_password()
    {
        var park = ParkGenerator.Generate(Options);
        var registry = RegistryLoader.Parse(RegistryWriter.Write(park, "test-secret", hashIterations: 10), "generated");
        foreach (var e in park.Enterprises)
        {
            foreach (var d in e.Devices)
            {
                Assert.True(registry.TryGetAccount(d.Id, out var principal, out var credential));
                Assert.True(MosquittoPasswordHash.TryParse(credential, out var hash, out _));
                Assert.True(hash.Verify(DevicePasswords.Derive("test-secret", d.Id)));
                Assert.False(hash.Verify(DevicePasswords.Derive("other-secret", d.Id)));
                var registered = registry.FindEnterprise(park.Park.Id, e.Id)!;
                Assert.Equal(e.Status, registered.Status);
                Assert.Equal(d.Sensors.Select(s => s.Id), registered.Devices.Single().Sensors.Select(s => s.Id));
                Assert.Equal(["water_volume"], registered.Devices.Single().Sensors.Single(s => s.Id == "water-1").Quantities);
            }
        }
        Assert.True(registry.TryGetService("ingest", out _));
    }

    [Fact]
    public void Bad_parameters_are_named()
    {
        var problems = (Options with { ParkId = "Bad Id", Enterprises = 0, Mix = new Dictionary<string, double> { ["bakery"] = 1 } }).Problems().ToList();
        Assert.Contains(problems, p => p.Contains("--park", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--enterprises", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown industry 'bakery'", StringComparison.Ordinal));
    }

    /// <summary>Every value every sensor of the park gives over a simulated working day, read every 10 minutes.</summary>
    private static List<string> ReadAll(GeneratorOptions options)
    {
        var park = ParkGenerator.Generate(options);
        var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8));
        var values = new List<string>();
        foreach (var e in park.Enterprises)
        {
            foreach (var d in e.Devices)
            {
                var agent = ParkSimulation.AgentOptionsFor(park, e, d, new SimulationOptions { DataDirectory = "unused", Seed = options.Seed });
                foreach (var driver in AgentRuntime.CreateDrivers(agent))
                {
                    for (var t = start; t < start.AddDays(1); t = t.AddMinutes(10))
                        values.AddRange(driver.Read(t).Select(v => $"{d.Id}/{driver.SensorId}/{v.Quantity}@{t:HHmm}={v.Value}"));
                }
            }
        }
        return values;
    }
}
