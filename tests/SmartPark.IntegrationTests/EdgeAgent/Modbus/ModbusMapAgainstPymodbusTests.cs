using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.ModbusMap;

namespace SmartPark.IntegrationTests.EdgeAgent.Modbus;

/// <summary>
/// The <c>modbus-map</c> driver, configured by the shipped sample maps exactly as an installer
/// would paste them, against pymodbus serving those samples' registers (register_map_server.py
/// encodes the known values itself, with Python's struct): floats in both word orders, scaled
/// integers, and status registers that a test switches, as a device changes state, with function 06.
/// </summary>
public sealed class ModbusMapAgainstPymodbusTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, double> FlueGas = new()
    {
        ["so2"] = 12.5,
        ["no"] = 30.25,
        ["o2"] = 8.4,
        ["no2"] = 2.5,
        ["nox"] = 48.9,
        ["particulate"] = 3.2,
        ["flue_gas_flow"] = 10,   // m³/s: 36,000 m³/h on the wire, the sample's scale turns it back
        ["flue_gas_temperature"] = 135.5,
        ["flue_gas_pressure"] = 101.2,
        ["flue_gas_humidity"] = 9.5,
    };

    private static readonly Dictionary<string, double> Water = new()
    {
        ["cod"] = 45.6,
        ["ammonia_nitrogen"] = 3.21,
        ["total_phosphorus"] = 0.42,
        ["ph"] = 7.35,                 // int16 in hundredths: 735
        ["wastewater_flow"] = 12.345,  // uint32 in mL/s, low word first: 12345
    };

    private static readonly Dictionary<string, double> ElectricalFire = new()
    {
        ["residual_current"] = 312,     // mA, uint16: over GB 50116's 300 mA alarm
        ["cable_temperature"] = 68.5,   // int16 in tenths of °C: 685
        ["arc_fault"] = 0,
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("modbus-map-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string name) =>
        Path.Combine(RepositoryPaths.Root, "src", "EdgeAgent", "Drivers", "ModbusMap", "samples", name);

    /// <summary>The sample's sensor as the agent binds it, pointed at the test server instead of the field's gateway or line.</summary>
    private SensorOptions SampleSensor(string name, int port)
    {
        var agentFile = Path.Combine(_dir, name);
        File.WriteAllText(agentFile, $$"""{ "Agent": { "Sensors": [ {{File.ReadAllText(Sample(name))}} ] } }""");
        var sensor = new ConfigurationBuilder().AddJsonFile(agentFile).Build().GetSection("Agent:Sensors:0").Get<SensorOptions>()!;
        sensor.Settings.Remove("port");
        sensor.Settings.Remove("baud");
        sensor.Settings.Remove("format");
        sensor.Settings["host"] = "127.0.0.1";
        sensor.Settings["tcpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(DriverCatalogue.Problems(sensor));
        return sensor;
    }

    private async Task<PymodbusServer> StartAsync(int port)
    {
        var spec = Path.Combine(_dir, "spec.json");
        File.WriteAllText(spec, JsonSerializer.Serialize(new
        {
            units = new object[]
            {
                new { unit = 1, sample = Sample("flue-gas-analyser.json"), values = FlueGas },
                new { unit = 2, sample = Sample("water-analyser.json"), values = Water, registers = new Dictionary<string, int> { ["0x1008"] = 'N' } },
                new { unit = 3, sample = Sample("electrical-fire-detector.json"), values = ElectricalFire },
            },
        }));
        var server = PymodbusServer.RegisterMap(port, spec);
        using var probe = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2)));
        await Poll.UntilAsync(() =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("pymodbus exited: " + server.Output);
            try
            {
                return Task.FromResult(probe.ReadInputRegisters(1, 0x000C, 2).Length == 2);
            }
            catch (IOException)
            {
                return Task.FromResult(false);
            }
        }, StartTimeout, "pymodbus to serve the sample maps");
        return server;
    }

    private static Dictionary<string, SensorValue> Read(ISensorDriver driver) =>
        driver.Read(DateTimeOffset.UtcNow).ToDictionary(v => v.Quantity);

    [Fact]
    public async Task The_flue_gas_sample_reads_every_quantity_in_two_requests_and_its_state_word_flags_calibration_maintenance_and_fault()
    {
        var port = FreePort.Next();
        await using var server = await StartAsync(port);
        var driver = (ModbusMapDriver)DriverCatalogue.Open(SampleSensor("flue-gas-analyser.json", port), DriverContext.Simulation());
        using var close = driver;
        using var device = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2)));

        // The ten floats are one run of input registers; the state word is a holding register.
        Assert.Equal(2, driver.Blocks.Count);
        var measuring = Read(driver);
        Assert.Equal(FlueGas.Keys.Order(), measuring.Keys.Order());
        foreach (var (quantity, expected) in FlueGas)
            Assert.Equal(expected, measuring[quantity].Value, precision: 6);
        Assert.All(measuring.Values, v => Assert.Equal(DataFlag.Normal, v.Flag));

        foreach (var (state, flag) in new[] { (1, DataFlag.Calibration), (2, DataFlag.Maintenance), (3, DataFlag.Fault), (4, DataFlag.Maintenance), (0, DataFlag.Normal) })
        {
            device.WriteSingleRegister(1, 0x0040, (ushort)state);
            var values = Read(driver);
            Assert.All(values.Values, v => Assert.Equal(flag, v.Flag));
            Assert.Equal(48.9, values["nox"].Value, precision: 6);   // kept: the flag, not silence, says what it is worth
        }
    }

    [Fact]
    public async Task The_water_sample_decodes_both_word_orders_and_scaled_integers_and_flags_only_the_quantities_a_status_covers()
    {
        var port = FreePort.Next();
        await using var server = await StartAsync(port);
        var driver = (ModbusMapDriver)DriverCatalogue.Open(SampleSensor("water-analyser.json", port), DriverContext.Simulation());
        using var close = driver;
        using var device = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2)));

        // COD and its flag across one unused register (maxGap 2), the 0x2000 run, the status bits.
        Assert.Equal(3, driver.Blocks.Count);
        var measuring = Read(driver);
        foreach (var (quantity, expected) in Water)
            Assert.Equal(expected, measuring[quantity].Value, precision: 6);
        Assert.All(measuring.Values, v => Assert.Equal(DataFlag.Normal, v.Flag));

        // The COD analyser checks its span ("cs"): only COD is a calibration value.
        device.WriteSingleRegister(2, 0x1008, 0x6373);
        var spanCheck = Read(driver);
        Assert.Equal(DataFlag.Calibration, spanCheck["cod"].Flag);
        Assert.All(spanCheck.Values.Where(v => v.Quantity != "cod"), v => Assert.Equal(DataFlag.Normal, v.Flag));

        // The cabinet's maintenance and fault bits: the worst wins on the quantities it covers; flow is not among them.
        device.WriteSingleRegister(2, 0x1008, 'N');
        device.WriteSingleRegister(2, 0x2010, 0b110);
        var cabinet = Read(driver);
        Assert.Equal(DataFlag.Fault, cabinet["ammonia_nitrogen"].Flag);
        Assert.Equal(DataFlag.Fault, cabinet["ph"].Flag);
        Assert.Equal(DataFlag.Normal, cabinet["cod"].Flag);
        Assert.Equal(DataFlag.Normal, cabinet["wastewater_flow"].Flag);
        Assert.Equal(7.35, cabinet["ph"].Value, precision: 6);
    }

    [Fact]
    public async Task The_electrical_fire_sample_reads_residual_current_terminal_temperature_and_the_arc_state_and_its_fault_bits_flag_them()
    {
        var port = FreePort.Next();
        await using var server = await StartAsync(port);
        var driver = (ModbusMapDriver)DriverCatalogue.Open(SampleSensor("electrical-fire-detector.json", port), DriverContext.Simulation());
        using var close = driver;
        using var device = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2)));

        // Residual current and temperature in one request, the arc state (two unused registers away) and the fault word in their own.
        Assert.Equal(3, driver.Blocks.Count);
        var quiet = Read(driver);
        Assert.Equal(ElectricalFire.Keys.Order(), quiet.Keys.Order());
        foreach (var (quantity, expected) in ElectricalFire)
            Assert.Equal(expected, quiet[quantity].Value, precision: 6);
        Assert.All(quiet.Values, v => Assert.Equal(DataFlag.Normal, v.Flag));

        // The detector sees a fault arc: the state register goes to 1, a reading the arc-fault rule raises on.
        device.WriteSingleRegister(3, 0x0004, 1);
        Assert.Equal(1, Read(driver)["arc_fault"].Value);

        // A fault bit (an open temperature probe): every value is flagged D, so no rule judges it.
        device.WriteSingleRegister(3, 0x0010, 0b10);
        Assert.All(Read(driver).Values, v => Assert.Equal(DataFlag.Fault, v.Flag));
    }
}
