using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.UnitTests.Registry;

public class MonitoringPointRegistryTests
{
    // Inserted after line 19 of RegistryYaml.Valid (e1's last sensor), so they start on line 20.
    private static readonly string[] Point =
    [
        "        monitoringPoints:",                                   // 20
        "          - mn: 010000A8900016F000169DC0",                    // 21
        "            pw: '123456'",                                    // 22
        "            st: 27",                                          // 23
        "            device: d1",                                      // 24
        "            platform: { host: 127.0.0.1, port: 9212 }",      // 25
        "            pollutants:",                                     // 26
        "              nmhc: a24088",                                  // 27
        "            minInterval: 10",                                 // 28
    ];

    private static string Yaml(int? line = null, string? replacement = null)
    {
        var lines = RegistryYaml.Valid.Split('\n').ToList();
        lines.InsertRange(19, Point);
        if (line is { } l)
            lines[l - 1] = replacement!;
        return string.Join('\n', lines);
    }

    [Fact]
    public void A_monitoring_point_loads_with_its_sources()
    {
        var registry = RegistryLoader.Parse(Yaml());

        var point = Assert.Single(registry.MonitoringPoints);
        Assert.Equal(new DeviceAddress("p1", "e1", "d1"), point.Device);
        Assert.Equal(("010000A8900016F000169DC0", "123456", "27", "127.0.0.1", 9212.0, 2017, true, 10.0),
            (point.Point.Mn, point.Point.Pw, point.Point.St, point.Point.PlatformHost, point.Point.PlatformPort, point.Point.Version, point.Point.Ack, point.Point.MinInterval!.Value));
        Assert.Equal(new PollutantSource("a24088", "nmhc", "voc-1"), Assert.Single(point.Sources));
    }

    [Fact]
    public void A_registry_without_monitoring_points_still_loads()
    {
        Assert.Empty(RegistryLoader.Parse(RegistryYaml.Valid).MonitoringPoints);
    }

    [Theory]
    [InlineData(21, "          - mn: 0100-00A8", "mn must be 1 to 24 letters or digits")]
    [InlineData(22, "            pw: '1234567'", "pw must be at most 6 characters")]
    [InlineData(23, "            st: 91", "st '91' is not an HJ 212 system code")]
    [InlineData(24, "            device: d2", "device 'd2' is not a device of enterprise 'e1'")]
    [InlineData(25, "            platform: { host: 127.0.0.1, port: 70000 }", "platform port must be a whole number from 1 to 65535")]
    [InlineData(27, "              temperature: a01012", "no sensor of device 'd1' reports 'temperature'")]
    [InlineData(27, "              radon: a24088", "quantity 'radon' is not in the catalogue")]
    [InlineData(27, "              nmhc: NMHC", "'NMHC' is not an HJ 212 pollutant code")]
    [InlineData(28, "            minInterval: 7", "minInterval must be one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes")]
    [InlineData(28, "            rtdInterval: 10", "rtdInterval must be whole seconds from 30 to 3600")]
    [InlineData(28, "            version: 2019", "version must be 2017 or 2025")]
    [InlineData(28, "            ack: maybe", "'ack' must be true or false")]
    [InlineData(28, "            colour: red", "unknown key 'colour'")]
    public void Each_problem_names_its_line(int line, string replacement, string expected)
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml(line, replacement)));
        var error = Assert.Single(ex.Errors);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_sensor_that_does_not_report_a_mapped_quantity_is_named_on_the_pollutants_line()
    {
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Yaml(28, "            sensor: meter-1")));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((27, "monitoring point '010000A8900016F000169DC0': sensor 'meter-1' of device 'd1' does not report 'nmhc'"), (error.Line, error.Message));
    }

    [Fact]
    public void Pollutants_listed_by_quantity_alone_take_the_catalogues_code()
    {
        var registry = RegistryLoader.Parse(Yaml(26, "            pollutants: [nmhc]").Replace("              nmhc: a24088\n", "", StringComparison.Ordinal));

        Assert.Equal(new PollutantSource("a24088", "nmhc", "voc-1"), Assert.Single(Assert.Single(registry.MonitoringPoints).Sources));
    }

    [Theory]
    [InlineData("            pollutants: [temperature]", "quantity 'temperature' has no HJ 212 pollutant code in the catalogue: map it to the bureau's code (temperature: code)")]
    [InlineData("            pollutants: [radon]", "quantity 'radon' is not in the catalogue")]
    [InlineData("            pollutants: []", "'pollutants' is empty")]
    public void A_listed_quantity_without_a_catalogue_code_is_named(string replacement, string expected)
    {
        var yaml = Yaml(26, replacement).Replace("              nmhc: a24088\n", "", StringComparison.Ordinal);
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(yaml));
        var error = Assert.Single(ex.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(26, error.Line);
        Assert.DoesNotContain(ex.Errors, e => e.Message.Contains("is not an HJ 212 pollutant code", StringComparison.Ordinal));
    }

    [Fact]
    public void An_mn_listed_twice_is_an_error_on_the_second()
    {
        var lines = Yaml().Split('\n').ToList();
        lines.InsertRange(28, Point.Skip(1));
        var ex = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(string.Join('\n', lines)));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((29, "monitoring point '010000A8900016F000169DC0' is already listed on line 21 (an MN names one point)"), (error.Line, error.Message));
    }

    [Fact]
    public void The_uplink_role_reads_telemetry_and_status_and_writes_nothing()
    {
        var uplink = new ServicePrincipal("uplink", ServiceRoles.Uplink);
        Assert.True(TopicAcl.MaySubscribe(uplink, "smartpark/v1/+/+/+/telemetry"));
        Assert.True(TopicAcl.MaySubscribe(uplink, "smartpark/v1/p1/e1/d1/telemetry"));
        Assert.True(TopicAcl.MaySubscribe(uplink, "smartpark/v1/+/+/+/status"));
        Assert.False(TopicAcl.MaySubscribe(uplink, "smartpark/v1/#"));
        Assert.False(TopicAcl.MayPublish(uplink, "smartpark/v1/p1/e1/d1/telemetry"));
        Assert.False(TopicAcl.MayPublish(uplink, "smartpark/v1/p1/alerts/a1"));
    }
}
