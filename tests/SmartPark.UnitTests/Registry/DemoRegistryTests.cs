using SmartPark.Contracts.Registry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.Simulator;

namespace SmartPark.UnitTests.Registry;

/// <summary>The demo's registry and park file describe the same devices; the registry is the
/// identity, the park file the simulated hardware. This keeps the two from drifting apart.</summary>
public class DemoRegistryTests
{
    private const string DemoSecret = "smartpark-demo-only";
    private static string Parks => Path.Combine(AppContext.BaseDirectory, "parks");

    [Fact]
    public void The_demo_park_and_its_enterprises_are_named_in_chinese_and_in_english()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var park = Assert.Single(registry.Parks);
        Assert.Equal(("石门村工业园", "Shimen Village Industrial Park"), (park.Name, park.NameEn));
        Assert.All(park.Enterprises, e =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Name);
            Assert.Matches("^[A-Z][A-Za-z &()-]+$", e.NameEn!);
        });
    }

    [Fact]
    public void The_demo_registry_is_valid_and_matches_the_park_file()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var park = ParkFile.Load(Path.Combine(Parks, "baiyun-demo.json"));

        var registered = Assert.Single(registry.Parks);
        Assert.Equal((park.Park.Id, park.Park.District, park.Park.AreaHectares), (registered.Id, registered.District, registered.AreaHectares));
        Assert.Equal(park.Enterprises.Select(e => (e.Id, e.Status)), registered.Enterprises.Select(e => (e.Id, e.Status)));
        Assert.All(registered.Enterprises, e => Assert.NotNull(e.Plan));
        foreach (var enterprise in park.Enterprises)
        {
            foreach (var device in enterprise.Devices)
            {
                Assert.True(registry.Knows(new(park.Park.Id, enterprise.Id, device.Id)), $"{device.Id} is not registered at {enterprise.Id}");
                var sensors = registry.Devices.Single(d => d.Device.Id == device.Id).Device.Sensors;
                foreach (var sensor in device.Sensors)
                {
                    var quantities = DriverFactory.Create(sensor).Quantities;
                    Assert.Equal(quantities, sensors.Single(s => s.Id == sensor.Id).Quantities);
                }
            }
        }
    }

    [Fact]
    public void Demo_devices_and_services_log_in_with_the_demo_passwords()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var cache = new CredentialCache();
        foreach (var device in registry.Devices)
            Assert.True(cache.Verify(device.Device.Id, DevicePasswords.Derive(DemoSecret, device.Device.Id), device.Device.Credential));
        Assert.True(registry.TryGetAccount("ingest", out _, out var ingest));
        Assert.True(cache.Verify("ingest", "demo-ingest-password", ingest));
        Assert.True(registry.TryGetAccount("dashboard", out _, out var dashboard));
        Assert.True(cache.Verify("dashboard", "demo-dashboard-password", dashboard));
        Assert.True(registry.TryGetAccount("uplink", out _, out var uplink));
        Assert.True(cache.Verify("uplink", "demo-uplink-password", uplink));
    }

    [Fact]
    public void Demo_monitoring_points_report_the_voc_sensors_the_boiler_stack_and_the_wastewater_outlet()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var points = registry.MonitoringPoints.ToList();
        Assert.Equal(6, points.Count);
        var voc = points.Where(p => p.Point.St == "27").ToList();
        Assert.Equal(4, voc.Count);
        Assert.All(voc, p => Assert.Equal(new PollutantSource("a24088", "nmhc", "voc-1"), Assert.Single(p.Sources)));

        var stack = Assert.Single(points, p => p.Point.St == "31");
        Assert.Equal(("e03-jiali-plastics", "e03-edge1"), (stack.Device.Enterprise, stack.Device.Device));
        Assert.Contains(new PollutantSource("a21002", "nox", "cems-1"), stack.Sources);
        Assert.Contains(new PollutantSource("a19001", "o2", "cems-1"), stack.Sources);
        var outlet = Assert.Single(points, p => p.Point.St == "32");
        Assert.Equal(("e06-tianfu-metal", "e06-edge1"), (outlet.Device.Enterprise, outlet.Device.Device));
        Assert.Contains(new PollutantSource("w01018", "cod", "water-1"), outlet.Sources);
        Assert.Contains(new PollutantSource("w00000", "wastewater_flow", "water-1"), outlet.Sources);
    }

    [Fact]
    public void The_demo_carries_every_pollution_source_the_scenarios_need()
    {
        var registry = RegistryLoader.Load(Path.Combine(Parks, "baiyun-demo.registry.yaml"));
        var enterprises = Assert.Single(registry.Parks).Enterprises.ToDictionary(e => e.Id);
        RegistrySensor Sensor(string enterprise, string sensor) => enterprises[enterprise].Devices.SelectMany(d => d.Sensors).Single(s => s.Id == sensor);

        // The gas-fired boiler's CEMS, judged at GB 13271-2014's 3.5 % O2.
        Assert.Equal(3.5, Sensor("e03-jiali-plastics", "cems-1").Emission?.ReferenceOxygen);
        // 分表计电 at the coating and printing works: the line's meter and its treatment fan's.
        foreach (var works in new[] { "e01-huaxin-furniture", "e02-meida-printing" })
        {
            Assert.Equal(SensorRoles.Production, Sensor(works, "meter-1").Role);
            var fan = Sensor(works, "fan-1");
            Assert.Equal(SensorRoles.Treatment, fan.Role);
            Assert.NotNull(fan.IdleLoad);
        }
        // The shut-down works' outlet flow (night discharge) and the metalwork's permit limits for its outlet.
        Assert.Equal(["wastewater_flow"], Sensor("e05-hongyun-coating", "flow-1").Quantities);
        Assert.Equal(RenovationStatus.ShutDown, enterprises["e05-hongyun-coating"].Status);
        var limits = enterprises["e06-tianfu-metal"].DischargePermit!.Limits.ToDictionary(l => l.Quantity, l => l.Limit);
        Assert.Equal(80, limits["cod"]);
        Assert.Equal(15, limits["ammonia_nitrogen"]);
    }
}
