using SmartPark.EdgeAgent.Commands;
using SmartPark.UnitTests.Repository;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.ModbusMap;

/// <summary><c>check-config</c> with register maps: the shipped samples pass as pasted, and a map's mistakes point at their lines.</summary>
public sealed class ModbusMapCheckConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-config-map-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Agent(string sensors)
    {
        var path = Path.Combine(_dir, "agent.json");
        File.WriteAllText(path, $$"""
            {
              "Agent": {
                "Park": "p1", "Enterprise": "e1", "Device": "d1",
                "Sensors": [
            {{sensors}}
                ]
              }
            }
            """);
        return path;
    }

    public static TheoryData<string> Samples() => ["flue-gas-analyser.json", "water-analyser.json"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_map_pasted_into_an_agent_file_passes_check_config(string sample)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "EdgeAgent", "Drivers", "ModbusMap", "samples", sample));
        Assert.Empty(CheckConfigCommand.Check(Agent(text)));
    }

    [Fact]
    public void A_map_mistake_is_reported_at_its_line_with_the_settings_ones()
    {
        var file = Agent("""
                  { "Id": "cems-1", "Driver": "modbus-map",
                    "Settings": { "host": "192.0.2.10", "unit": "0" },
                    "Map": [
                      { "quantity": "nox", "register": "0x0000" },
                      { "quantity": "nox_converted",
                        "register": "0x0002" },
                      { "quantity": "o2", "register": "0x0004",
                        "wordorder": "middle" }
                    ] }
            """);

        Assert.Equal(
        [
            $"{file}:6: Agent:Sensors:0 (cems-1): Settings:unit '0' must be a whole number 1..247",
            $"{file}:9: Agent:Sensors:0 (cems-1): Map:1:quantity 'nox_converted' is derived from nox by Ingest (Converted), never read from a device: map nox and the quantities it is converted with",
            $"{file}:12: Agent:Sensors:0 (cems-1): Map:2:wordorder 'middle' is not one of big, little",
        ], CheckConfigCommand.Check(file));
    }
}
