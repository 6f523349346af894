using SmartPark.Simulator;

namespace SmartPark.UnitTests.Simulator;

public class ParkFileTests
{
    private static string DemoPark => Path.Combine(AppContext.BaseDirectory, "parks", "baiyun-demo.json");

    [Fact]
    public void The_demo_park_is_a_baiyun_park_with_six_or_more_monitored_enterprises_one_shut_down()
    {
        var park = ParkFile.Load(DemoPark);
        Assert.Equal("Baiyun", park.Park.District);
        Assert.True(park.Enterprises.Count >= 6);
        Assert.Contains(park.Enterprises, e => e.Status == "shut_down");
        Assert.Contains(park.Enterprises, e => e.Industry == "furniture_painting");
        foreach (var e in park.Enterprises)
        {
            var drivers = e.Devices.SelectMany(d => d.Sensors).Select(s => s.Driver).ToHashSet();
            Assert.Contains("sim-energy-meter", drivers);
            Assert.Contains("sim-voc", drivers);
            Assert.Contains("sim-fire-detector", drivers);
        }
    }

    [Fact]
    public void Problems_are_all_named()
    {
        var park = new ParkDefinition
        {
            Park = new ParkInfo { Id = "Bad Id" },
            Enterprises =
            [
                new EnterpriseDefinition { Id = "e1", Status = "closed", Devices = [new DeviceDefinition { Id = "d1", Sensors = [new() { Id = "s", Driver = "sim-nothing" }] }] },
                new EnterpriseDefinition { Id = "e1", Devices = [new DeviceDefinition { Id = "d1" }] },
            ],
        };
        var problems = ParkFile.Check(park);
        Assert.Contains(problems, p => p.Contains("park id 'Bad Id'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("status 'closed'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("sim-nothing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("enterprise 'e1' is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("device 'd1' is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("device 'd1' has no sensors", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shut_down_enterprise_simulates_standby_only()
    {
        var park = ParkFile.Load(DemoPark);
        var shut = park.Enterprises.First(e => e.Status == "shut_down");
        var agent = ParkSimulation.AgentOptionsFor(park, shut, shut.Devices[0], new SimulationOptions { DataDirectory = "/tmp/x", IntervalOverrideMs = 200 });
        Assert.All(agent.Sensors, s => Assert.Equal("shut-down", s.Settings["shift"]));
        Assert.All(agent.Sensors, s => Assert.Equal(200, s.IntervalMs));
        Assert.Empty(agent.Validate());
    }
}
