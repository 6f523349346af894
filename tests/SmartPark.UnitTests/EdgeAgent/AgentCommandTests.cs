using SmartPark.EdgeAgent.Commands;

namespace SmartPark.UnitTests.EdgeAgent;

public sealed class AgentCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-commands-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "agent.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Check_config_reports_every_problem_with_its_line()
    {
        var file = Write("""
            {
              "Agent": {
                "Park": "p1", "Enterprise": "e1", "Device": "d1",
                "Sensors": [
                  { "Id": "meter-1", "Driver": "modbus-sdm630", "IntervalMs": 1000,
                    "Settings": { "port": "/dev/ttyUSB0", "baud": "9601" } },
                  { "Id": "meter-2", "Driver": "modbus-sdm120", "IntervalMs": 50,
                    "Settings": { "port": "/dev/ttyUSB0", "unit": "1" } },
                  { "Id": "dc-1", "Driver": "ina219", "Settings": { "address": "0x70" } }
                ]
              }
            }
            """);

        var problems = CheckConfigCommand.Check(file);

        Assert.Contains($"{file}:6: Agent:Sensors:0 (meter-1): Settings:baud '9601' is not one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200", problems);
        Assert.Contains($"{file}:7: Agent:Sensors:1:IntervalMs 50 is below 100", problems);
        Assert.Contains(problems, p => p.StartsWith($"{file}:9:", StringComparison.Ordinal) && p.Contains("0x70"));
        Assert.Contains(problems, p => p.Contains("share /dev/ttyUSB0 with the same unit/address"));
        Assert.Contains(problems, p => p.Contains("Settings:baud '(driver default)' differs from '9601'"));
    }

    [Fact]
    public void Check_config_points_at_broken_json()
    {
        var problem = Assert.Single(CheckConfigCommand.Check(Write("{\n  \"Agent\": { \"Park\": \"p\", }\n  x\n}")));
        Assert.Contains("not valid JSON at line 3", problem);
    }

    [Fact]
    public void Check_config_accepts_the_sample_configuration()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "agent.sample.json");
        Assert.Empty(CheckConfigCommand.Check(sample));
        using var output = new StringWriter();
        Assert.Equal(0, CheckConfigCommand.Run(sample, output));
    }

    [Fact]
    public void Probe_off_the_hardware_says_there_are_no_buses()
    {
        var emptyDev = Directory.CreateDirectory(Path.Combine(_dir, "dev")).FullName;
        using var output = new StringWriter();

        Assert.Equal(0, ProbeCommand.Run(output, emptyDev, Path.Combine(_dir, "sys")));

        var text = output.ToString();
        Assert.Contains("I2C: none (enable I2C", text);
        Assert.Contains("Serial: none (plug in the USB RS-485 adapter", text);
        Assert.Contains("No sensor buses on this machine", text);
    }

    [Fact]
    public void Probe_lists_serial_devices_it_finds()
    {
        var dev = Directory.CreateDirectory(Path.Combine(_dir, "dev")).FullName;
        File.WriteAllText(Path.Combine(dev, "ttyUSB0"), "");
        using var output = new StringWriter();

        ProbeCommand.Run(output, dev, Path.Combine(_dir, "sys"));

        Assert.Contains($"Serial: {Path.Combine(dev, "ttyUSB0")}", output.ToString());
        Assert.DoesNotContain("No sensor buses", output.ToString());
    }

    [Theory]
    [InlineData(0x40, "INA219")]
    [InlineData(0x48, "ADS1115")]
    [InlineData(0x77, "BME680")]
    [InlineData(0x13, "not a part")]
    public void Probe_names_the_parts_known_at_an_address(int address, string part) =>
        Assert.Contains(part, ProbeCommand.PartsAt(address));
}
