using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.UnitTests.Registry;

public class RegistryLoaderTests
{
    private static RegistryError SingleError(string yaml)
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void A_valid_registry_loads_with_every_field()
    {
        var registry = RegistryLoader.Parse(RegistryYaml.Valid);

        var park = Assert.Single(registry.Parks);
        Assert.Equal(("p1", "Shimen", "Baiyun", 18.6, "furniture"), (park.Id, park.Name, park.District, park.AreaHectares, park.LeadingIndustry));
        var e1 = park.Enterprises[0];
        Assert.Equal(("e1", "furniture_painting", 12000.0, RenovationStatus.Upgraded), (e1.Id, e1.Industry, e1.FloorArea, e1.Status));
        Assert.Equal((10.0, 10.0, 120.0, 80.0), (e1.Plan!.X, e1.Plan.Y, e1.Plan.Width, e1.Plan.Height));
        Assert.Null(park.Enterprises[1].Plan);
        Assert.Equal(["power", "energy"], e1.Devices[0].Sensors[0].Quantities);
        Assert.Equal(["nmhc"], e1.Devices[0].Sensors[1].Quantities);
        Assert.True(registry.TryGetDevice("d2", out var d2));
        Assert.Equal(new DeviceAddress("p1", "e2", "d2"), d2.Address);
        Assert.True(registry.Knows(new DeviceAddress("p1", "e1", "d1")));
        Assert.False(registry.Knows(new DeviceAddress("p1", "e2", "d1")));
        Assert.True(registry.TryGetAccount("ingest", out var ingest, out _));
        Assert.Equal(new ServicePrincipal("ingest", ServiceRoles.Ingest), ingest);
        Assert.Equal(2, registry.Devices.Count());
    }

    [Theory]
    [InlineData(2, "  - id: Park_1", "park id 'Park_1' does not match")]
    [InlineData(5, "    areaHectares: big", "'areaHectares' must be a number, not 'big'")]
    [InlineData(5, "    areaHectares: 0", "areaHectares must be greater than 0")]
    [InlineData(6, "    leadingIndustry: ''", "'leadingIndustry' must be a non-empty text value")]
    [InlineData(11, "        floorArea: -5", "floorArea must be greater than 0")]
    [InlineData(12, "        status: demolished", "status 'demolished' is not one of operating, shut_down, relocating, converting, upgraded")]
    [InlineData(13, "        plan: { x: 10, y: 10, width: 0, height: 80 }", "plan: width must be greater than 0")]
    [InlineData(15, "          - id: D1", "device id 'D1' does not match")]
    [InlineData(16, "            credential: hunter2", "credential is not a Mosquitto $7$ hash")]
    [InlineData(19, "              - { id: voc-1, quantity: radon }", "quantity 'radon' is not in the catalogue")]
    [InlineData(19, "              - { id: meter-1, quantity: nmhc }", "sensor 'meter-1' of device 'd1' is listed twice (first on line 18)")]
    [InlineData(26, "          - id: d1", "device 'd1' is already registered on line 15")]
    [InlineData(20, "      - id: e1", "enterprise 'e1' in this park is listed twice (first on line 8)")]
    [InlineData(32, "    role: admin", "role 'admin' is not one of ingest, dashboard")]
    [InlineData(34, "  - id: d2", "service 'd2' has the same id as the device on line 26")]
    [InlineData(34, "  - id: ingest", "service 'ingest' is listed twice (first on line 31)")]
    public void Each_problem_names_its_line(int line, string replacement, string expected)
    {
        var error = SingleError(RegistryYaml.WithLine(line, replacement));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void An_unknown_key_is_reported_on_its_line()
    {
        var error = SingleError(RegistryYaml.WithLine(6, "    leadingIndustry: furniture\n    owner: village"));
        Assert.Equal(7, error.Line);
        Assert.Contains("park: unknown key 'owner' (expected one of: id, name,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_reported_on_its_entry()
    {
        var error = SingleError(RegistryYaml.WithLine(16, "            sensors_note: none").Replace("            sensors_note: none\n", "", StringComparison.Ordinal));
        Assert.Equal(15, error.Line);
        Assert.Contains("device: 'credential' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_reported_at_once_in_line_order()
    {
        var yaml = RegistryYaml.WithLine(2, "  - id: Park_1");
        yaml = ReplaceLine(yaml, 12, "        status: demolished");
        yaml = ReplaceLine(yaml, 26, "          - id: d1");
        yaml = ReplaceLine(yaml, 32, "    role: admin");

        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml, "parks.yaml"));

        Assert.Equal([2, 12, 26, 32], ex.Errors.Select(e => e.Line));
        Assert.StartsWith("parks.yaml: 4 problem(s):", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 26: device 'd1' is already registered on line 15", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line()
    {
        var error = SingleError(RegistryYaml.WithLine(9, "        name: [Huaxin"));
        Assert.InRange(error.Line, 9, 10);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_shapes_are_reported_where_they_are()
    {
        var error = SingleError(RegistryYaml.WithLine(14, "        devices: none").Replace("        devices: none\n", "        devices: none\n        x: [\n", StringComparison.Ordinal));
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);

        error = SingleError(RegistryYaml.WithLine(13, "        plan: 7"));
        Assert.Equal(13, error.Line);
        Assert.Contains("plan must be a mapping", error.Message, StringComparison.Ordinal);

        // Lines 18-19 hold d1's two sensors; comment them out to leave 'sensors' on its own.
        var noSensorItems = ReplaceLine(ReplaceLine(RegistryYaml.Valid, 18, "#"), 19, "#");
        error = SingleError(ReplaceLine(noSensorItems, 17, "            sensors: meter-1"));
        Assert.Equal(17, error.Line);
        Assert.Contains("'sensors' must be a list", error.Message, StringComparison.Ordinal);

        error = SingleError(ReplaceLine(noSensorItems, 17, "            sensors: []"));
        Assert.Equal(17, error.Line);
        Assert.Contains("'sensors' is empty", error.Message, StringComparison.Ordinal);

        Assert.Equal(1, SingleError("- just a list").Line);
        Assert.Contains("'parks' is missing", SingleError("services: []").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, RegistryYaml.Valid);
            Assert.Single(RegistryLoader.Load(path).Parks);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ReplaceLine(string yaml, int line, string text)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }
}
