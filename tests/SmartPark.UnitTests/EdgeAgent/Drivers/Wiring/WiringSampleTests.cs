using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Wiring;

/// <summary>
/// hardware/wiring/pin-map.md and edge-node.sample.json describe the same node: every sensor,
/// bus, address, port and pin in the configuration is the one in the pin map, the pin map's
/// header pins are the Pi's, and no pin or address is used twice.
/// </summary>
public sealed partial class WiringSampleTests
{
    private static readonly string Folder = FindWiringFolder();
    private static readonly string PinMap = File.ReadAllText(Path.Combine(Folder, "pin-map.md"));
    private static readonly AgentOptions Sample = LoadSample();

    /// <summary>The 40-pin header: physical pin of each BCM GPIO (identical on Pi 2 to Pi 5).</summary>
    private static readonly Dictionary<int, int> HeaderPinOfGpio = new()
    {
        [2] = 3,
        [3] = 5,
        [4] = 7,
        [14] = 8,
        [15] = 10,
        [17] = 11,
        [18] = 12,
        [27] = 13,
        [22] = 15,
        [23] = 16,
        [24] = 18,
        [10] = 19,
        [9] = 21,
        [25] = 22,
        [11] = 23,
        [8] = 24,
        [7] = 26,
        [0] = 27,
        [1] = 28,
        [5] = 29,
        [6] = 31,
        [12] = 32,
        [13] = 33,
        [19] = 35,
        [16] = 36,
        [26] = 37,
        [20] = 38,
        [21] = 40,
    };

    /// <summary>Raspberry Pi 4 UART overlays: device → (TX, RX) GPIO.</summary>
    private static readonly Dictionary<string, (string Overlay, int Tx, int Rx)> Pi4Uarts = new(StringComparer.Ordinal)
    {
        ["/dev/ttyAMA0"] = ("", 14, 15),
        ["/dev/ttyAMA2"] = ("uart2", 0, 1),
        ["/dev/ttyAMA3"] = ("uart3", 4, 5),
        ["/dev/ttyAMA4"] = ("uart4", 8, 9),
        ["/dev/ttyAMA5"] = ("uart5", 12, 13),
    };

    private static string FindWiringFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "hardware", "wiring");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("hardware/wiring above the test's folder");
    }

    private static AgentOptions LoadSample() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(Folder, "edge-node.sample.json")).Build()
            .GetSection(AgentOptions.Section).Get<AgentOptions>()!;

    private static IReadOnlyList<Dictionary<string, string>> SensorRows => MarkdownTables.Under(PinMap, "Sensors");

    private static IReadOnlyList<Dictionary<string, string>> AlarmRows => MarkdownTables.Under(PinMap, "Fire alarm outputs and silence button");

    private static IReadOnlyList<Dictionary<string, string>> HeaderRows => MarkdownTables.Under(PinMap, "Header (40 pins)");

    private static int[] Gpios(string cell) =>
        cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    private static string ConfigTxt => ConfigTxtBlock().Match(PinMap).Groups[1].Value;

    [Fact]
    public void The_sample_configuration_is_valid_and_uses_only_known_drivers()
    {
        Assert.Empty(Sample.Validate());
        Assert.All(Sample.Sensors, s => Assert.Equal(DriverKind.Hardware, DriverCatalogue.Find(s.Driver)?.Kind));
        Assert.All(Sample.Sensors, s => Assert.Empty(DriverCatalogue.Problems(s)));
    }

    [Fact]
    public void Every_configured_sensor_has_one_pin_map_row_with_its_driver_and_back()
    {
        Assert.Equal(Sample.Sensors.Select(s => s.Id).Order(), SensorRows.Select(r => r["Id"]).Order());
        foreach (var sensor in Sample.Sensors)
            Assert.Equal(sensor.Driver, SensorRows.Single(r => r["Id"] == sensor.Id)["Driver"]);
    }

    [Fact]
    public void Buses_addresses_ports_and_pins_agree_with_the_pin_map()
    {
        foreach (var sensor in Sample.Sensors)
        {
            var row = SensorRows.Single(r => r["Id"] == sensor.Id);
            var what = $"{sensor.Id} ({sensor.Driver})";
            switch (sensor.Driver)
            {
                case "ads1115-transmitter" or "mq-gas" or "bme680" or "scd4x" or "mlx90614" or "ccs811":
                    Assert.True(row["Device"] == $"/dev/i2c-{sensor.GetInt("bus", 1)}", what);
                    var address = $"0x{sensor.GetInt("address", -1):X2}";
                    if (sensor.Driver is "ads1115-transmitter" or "mq-gas")
                        address += $" AIN{sensor.GetInt("channel", 0)}";
                    Assert.True(row["Address"] == address, $"{what}: pin map {row["Address"]}, configuration {address}");
                    Assert.Equal(I2cBusGpios(sensor.GetInt("bus", 1)), Gpios(row["GPIO"]));
                    break;
                case "mhz19b" or "pms5003" or "pms7003":
                    var port = sensor.GetString("port", "");
                    Assert.True(row["Device"] == port, $"{what}: pin map {row["Device"]}, configuration {port}");
                    var uart = Pi4Uarts[port];
                    Assert.Equal([uart.Tx, uart.Rx], Gpios(row["GPIO"]));
                    if (uart.Overlay.Length > 0)
                        Assert.Contains($"dtoverlay={uart.Overlay}\n", ConfigTxt + "\n", StringComparison.Ordinal);
                    break;
                case "ds18b20":
                    Assert.Equal(("w1", sensor.GetString("deviceId", "")), (row["Device"], row["Address"]));
                    Assert.Equal([OneWireGpio()], Gpios(row["GPIO"]));
                    break;
                case "gpio-smoke" or "gpio-flame":
                    Assert.Equal("gpio", row["Device"]);
                    Assert.Equal([sensor.GetInt("pin", -1)], Gpios(row["GPIO"]));
                    break;
                default:
                    Assert.Fail($"{what}: the wiring test does not know this driver; teach it");
                    break;
            }
        }
    }

    [Fact]
    public void Alarm_outputs_and_the_silence_button_are_the_pin_map_pins_and_levels()
    {
        var alarm = Sample.FireAlarm!;
        var expected = new Dictionary<string, (int? Pin, bool ActiveHigh)>
        {
            ["BuzzerPin"] = (alarm.BuzzerPin, alarm.BuzzerActiveHigh),
            ["RelayPin"] = (alarm.RelayPin, alarm.RelayActiveHigh),
            ["SilencePin"] = (alarm.SilencePin, !alarm.SilenceActiveLow),
        };
        Assert.Equal(expected.Keys.Order(), AlarmRows.Select(r => r["Setting"]).Order());
        foreach (var row in AlarmRows)
        {
            var (pin, activeHigh) = expected[row["Setting"]];
            Assert.Equal(pin, int.Parse(row["GPIO"], CultureInfo.InvariantCulture));
            Assert.Equal(activeHigh ? "high" : "low", row["Active level"]);
            Assert.Equal(HeaderPinOfGpio[pin!.Value], int.Parse(row["Header pin"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Header_pins_in_the_sensor_table_are_the_pis()
    {
        foreach (var row in SensorRows)
        {
            var expected = Gpios(row["GPIO"]).Select(g => HeaderPinOfGpio[g]);
            Assert.True(expected.SequenceEqual(Gpios(row["Header pins"])), $"{row["Id"]}: GPIO {row["GPIO"]} are header pins {string.Join(", ", expected)}, not {row["Header pins"]}");
        }
    }

    [Fact]
    public void The_header_table_names_every_user_of_each_gpio()
    {
        var header = HeaderRows.Where(r => r["GPIO"] != "–").ToDictionary(r => int.Parse(r["GPIO"], CultureInfo.InvariantCulture));
        foreach (var (gpio, pin) in HeaderPinOfGpio)
            Assert.Equal(pin, int.Parse(header[gpio]["Header pin"], CultureInfo.InvariantCulture));
        foreach (var row in SensorRows)
        {
            foreach (var gpio in Gpios(row["GPIO"]))
                Assert.True(header[gpio]["Used by"].Split(',', StringSplitOptions.TrimEntries).Contains(row["Id"]), $"header GPIO{gpio} does not list {row["Id"]}");
        }
        Assert.Equal("buzzer", header[Sample.FireAlarm!.BuzzerPin!.Value]["Used by"]);
        Assert.Equal("relay", header[Sample.FireAlarm.RelayPin!.Value]["Used by"]);
        Assert.Equal("silence", header[Sample.FireAlarm.SilencePin!.Value]["Used by"]);
    }

    [Fact]
    public void No_gpio_serves_two_functions_and_no_i2c_address_two_chips()
    {
        // A pin belongs to one bus or one signal; sensors on the same bus share its pins.
        var owners = new Dictionary<int, string>();
        void Claim(int gpio, string owner)
        {
            if (owners.TryGetValue(gpio, out var other))
                Assert.True(other == owner, $"GPIO{gpio} is used by {other} and {owner}");
            owners[gpio] = owner;
        }
        foreach (var row in SensorRows)
        {
            foreach (var gpio in Gpios(row["GPIO"]))
                Claim(gpio, row["Device"] == "gpio" ? row["Id"] : row["Device"]);
        }
        foreach (var row in AlarmRows)
            Claim(int.Parse(row["GPIO"], CultureInfo.InvariantCulture), row["Setting"]);
        foreach (var reserved in HeaderRows.Where(r => r["Used by"].StartsWith("reserved", StringComparison.Ordinal)))
            Claim(int.Parse(reserved["GPIO"], CultureInfo.InvariantCulture), reserved["Used by"]);

        var chips = SensorRows.Where(r => r["Device"].StartsWith("/dev/i2c-", StringComparison.Ordinal))
            .GroupBy(r => (r["Device"], r["Address"].Split(' ')[0]));
        foreach (var chip in chips)
        {
            var parts = chip.Select(r => r["Driver"] is "ads1115-transmitter" or "mq-gas" ? "ADS1115" : r["Part"]).Distinct().ToList();
            Assert.True(parts.Count == 1, $"{chip.Key.Item1} address {chip.Key.Item2} is claimed by {string.Join(" and ", parts)}");
        }
        var channels = SensorRows.Where(r => r["Address"].Contains("AIN", StringComparison.Ordinal)).Select(r => (r["Device"], r["Address"])).ToList();
        Assert.Equal(channels.Count, channels.Distinct().Count());
    }

    private static int[] I2cBusGpios(int bus)
    {
        if (bus == 1)
            return [2, 3];
        var overlay = Regex.Match(ConfigTxt, $@"dtoverlay=i2c-gpio,bus={bus},i2c_gpio_sda=(\d+),i2c_gpio_scl=(\d+)");
        Assert.True(overlay.Success, $"config.txt in pin-map.md has no i2c-gpio overlay for bus {bus}");
        return [int.Parse(overlay.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(overlay.Groups[2].Value, CultureInfo.InvariantCulture)];
    }

    private static int OneWireGpio()
    {
        var overlay = Regex.Match(ConfigTxt, @"dtoverlay=w1-gpio,gpiopin=(\d+)");
        Assert.True(overlay.Success, "config.txt in pin-map.md has no w1-gpio overlay");
        return int.Parse(overlay.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"## /boot/firmware/config\.txt[^\n]*\n+```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConfigTxtBlock();
}
