using SmartPark.EdgeAgent.Commands;

namespace SmartPark.UnitTests.EdgeAgent;

/// <summary><c>check-config</c> runs the drivers' settings schemas: a typo fails it, with the sensor, the key and the line.</summary>
public sealed class CheckConfigSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-config-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "agent.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Typos_in_offset_scale_and_shuntOhms_and_an_unknown_key_fail_check_config_each_with_its_line()
    {
        var file = Write("""
            {
              "Agent": {
                "Park": "p1", "Enterprise": "e1", "Device": "d1",
                "Sensors": [
                  { "Id": "nmhc-1", "Driver": "ads1115-transmitter",
                    "Settings": { "rangeHigh": "50",
                                  "shuntOhms": "0,1",
                                  "offset": "O.2" } },
                  { "Id": "dc-1", "Driver": "ina219",
                    "Settings": { "shuntOhms": "0,1",
                                  "scale.current": "1.O2",
                                  "shuntOhm": "0.1" } },
                  { "Id": "th-1", "Driver": "sht3x", "Settings": { "temperature.scale": "" } }
                ]
              }
            }
            """);

        var problems = CheckConfigCommand.Check(file);

        Assert.Equal(
        [
            $"{file}:7: Agent:Sensors:0 (nmhc-1): Settings:shuntOhms '0,1' is not a number",
            $"{file}:8: Agent:Sensors:0 (nmhc-1): Settings:offset 'O.2' is not a number",
            $"{file}:10: Agent:Sensors:1 (dc-1): Settings:shuntOhms '0,1' is not a number",
            $"{file}:11: Agent:Sensors:1 (dc-1): Settings:scale.current '1.O2' is not a number",
            $"{file}:12: Agent:Sensors:1 (dc-1): Settings:shuntOhm is not a setting of ina219 (it reads bus, address, shuntOhms, maxCurrentA, scale.*, offset.*)",
        ], problems);
        using var output = new StringWriter();
        Assert.Equal(1, CheckConfigCommand.Run(file, output));
        Assert.Contains("5 problems", output.ToString());
    }
}
