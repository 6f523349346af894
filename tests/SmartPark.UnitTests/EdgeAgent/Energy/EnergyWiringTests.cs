using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPark.EdgeAgent.Commands;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

/// <summary>
/// hardware/wiring/rs485-meters.md (what the electrician and integrator build) and
/// hardware/wiring/energy-meters.agent.json (what the agent reads) must describe the same node.
/// </summary>
public sealed partial class EnergyWiringTests
{
    private static readonly string Wiring = Path.Combine(FindRoot(), "hardware", "wiring");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPark.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("SmartPark.sln not found");
    }

    private static List<SensorOptions> Sensors()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Wiring, "energy-meters.agent.json")));
        return json.RootElement.GetProperty("Agent").GetProperty("Sensors").EnumerateArray()
            .Select(s => new SensorOptions
            {
                Id = s.GetProperty("Id").GetString()!,
                Driver = s.GetProperty("Driver").GetString()!,
                Settings = s.GetProperty("Settings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase),
            })
            .ToList();
    }

    /// <summary>The "buses" table: device file, line settings, and the cell naming each meter with its unit or address.</summary>
    private static List<(string Device, string LineSettings, string Meters)> Buses()
    {
        var markdown = File.ReadAllLines(Path.Combine(Wiring, "rs485-meters.md"));
        return markdown
            .SkipWhile(l => !l.StartsWith("## Energy meters (RS-485): buses", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("`/dev/", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => (c[2].Trim('`'), c[4], c[5]))
            .ToList();
    }

    [Fact]
    public void The_sample_configuration_is_valid() =>
        Assert.Empty(CheckConfigCommand.Check(Path.Combine(Wiring, "energy-meters.agent.json")));

    [Fact]
    public void Every_meter_sits_on_the_bus_the_wiring_table_gives_it_with_its_unit_or_address()
    {
        var buses = Buses();
        Assert.Equal(3, buses.Count);
        foreach (var sensor in Sensors())
        {
            var device = sensor.Settings.TryGetValue("port", out var port) ? port : $"/dev/i2c-{sensor.Settings["bus"]}";
            var bus = Assert.Single(buses, b => b.Device == device);
            Assert.Contains(sensor.Id, bus.Meters);
            var meterCell = Regex.Match(bus.Meters, Regex.Escape(sensor.Id) + @"[^;]*").Value;
            if (sensor.Settings.TryGetValue("unit", out var unit))
                Assert.Contains($"unit {unit}", meterCell);
            if (sensor.Settings.TryGetValue("address", out var address))
                Assert.Contains(address.StartsWith("0x", StringComparison.Ordinal) ? $"at {address}" : $"address {address}", meterCell);
            if (sensor.Settings.TryGetValue("baud", out var baud))
                Assert.Equal($"{baud} {sensor.Settings["format"]}", bus.LineSettings);
        }
    }

    [Fact]
    public void The_pin_map_puts_the_uart_and_i2c_on_their_header_pins()
    {
        var text = File.ReadAllText(Path.Combine(Wiring, "rs485-meters.md"));
        Assert.Matches(PinRow(8, "GPIO14"), text);
        Assert.Matches(PinRow(10, "GPIO15"), text);
        Assert.Matches(PinRow(3, "GPIO2"), text);
        Assert.Matches(PinRow(5, "GPIO3"), text);
        var svg = File.ReadAllText(Path.Combine(Wiring, "rs485.svg"));
        foreach (var sensor in Sensors())
            Assert.Contains(sensor.Id, svg);
    }

    private static Regex PinRow(int pin, string gpio) => new($@"\| {pin} \| {gpio} ");
}
