using System.IO.Ports;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy;
using SmartPark.EdgeAgent.Drivers.Energy.FlowMeter;
using SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;
using SmartPark.EdgeAgent.Drivers.Energy.Sdm630;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Modbus;
using SmartPark.EdgeAgent.Drivers.Serial;

namespace SmartPark.IntegrationTests.EdgeAgent.Modbus;

/// <summary>
/// Our Modbus client against a Modbus server we did not write (pymodbus 3.0, Debian) serving an
/// SDM630's register map: over TCP, and over RTU through a socat pseudo-terminal pair.
/// </summary>
public sealed class ModbusAgainstPymodbusTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static void AssertSdm630(IReadOnlyDictionary<string, double> values)
    {
        Assert.Equal(231.4, values["voltage"], precision: 4);
        Assert.Equal(30.1, values["current"], precision: 4);     // 90.3 A over three lines
        Assert.Equal(20.1, values["power"], precision: 6);       // 20,100 W
        Assert.Equal(98765.25, values["energy"], precision: 4);
    }

    private static Dictionary<string, double> ReadMeter(IModbusTransport transport)
    {
        using var meter = new ModbusMeterDriver("meter-1", SharedBus<ModbusClient>.Private(new ModbusClient(transport)), 1, Sdm630.Map, MeterCalibration.None);
        return meter.Read(DateTimeOffset.UtcNow).ToDictionary(v => v.Quantity, v => v.Value);
    }

    [Fact]
    public async Task The_sdm630_map_reads_over_modbus_tcp()
    {
        var port = FreePort.Next();
        await using var server = PymodbusServer.Tcp(port);
        using var client = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2)));
        await Poll.UntilAsync(() =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("pymodbus exited: " + server.Output);
            return Task.FromResult(client.ReadInputRegisters(1, 0, 2).Length == 2);
        }, StartTimeout, "pymodbus to answer over TCP");

        AssertSdm630(ReadMeter(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2))));
        Assert.Equal(50.02f, RegisterDecoding.Float32(client.ReadInputRegisters(1, 0x0046, 2), 0));

        var refused = Assert.Throws<ModbusException>(() => client.ReadInputRegisters(1, 0x0300, 2));
        Assert.Equal(2, refused.Code);
        // The connection stays usable after an exception reply.
        Assert.Equal(2, client.ReadInputRegisters(1, 0x0156, 2).Length);
    }

    [Fact]
    public async Task A_flow_meter_totaliser_reads_from_pymodbus_over_tcp()
    {
        var port = FreePort.Next();
        await using var server = PymodbusServer.Tcp(port);
        using (var client = new ModbusClient(new ModbusTcpTransport("127.0.0.1", port, TimeSpan.FromSeconds(2))))
        {
            await Poll.UntilAsync(() =>
            {
                if (server.HasExited)
                    throw new InvalidOperationException("pymodbus exited: " + server.Output);
                return Task.FromResult(client.ReadHoldingRegisters(2, 0x0010, 2).Length == 2);
            }, StartTimeout, "pymodbus to answer over TCP");
        }
        SensorOptions FlowMeter(string id, params (string Key, string Value)[] settings)
        {
            var sensor = new SensorOptions { Id = id, Driver = FlowMeterDescriptor.DriverName, Settings = { ["host"] = "127.0.0.1", ["tcpPort"] = $"{port}", ["unit"] = "2" } };
            foreach (var (key, value) in settings)
                sensor.Settings[key] = value;
            Assert.Empty(DriverCatalogue.Problems(sensor));
            return sensor;
        }
        var water = FlowMeter("water-main", ("quantity", "water_volume"), ("totalRegister", "0x0010"));
        var steam = FlowMeter("steam-1", ("quantity", "steam_mass"), ("totalRegister", "4112"), ("totalFormat", "uint32"),
            ("totalWordOrder", "low-first"), ("totalFunction", "input"), ("totalScale", "0.001"));

        // Both built as the agent builds them, sharing the gateway connection.
        var waterMeter = DriverCatalogue.Open(water, DriverContext.Simulation());
        using var closeWater = (IDisposable)waterMeter;
        var steamMeter = DriverCatalogue.Open(steam, DriverContext.Simulation());
        using var closeSteam = (IDisposable)steamMeter;

        var waterValue = Assert.Single(waterMeter.Read(DateTimeOffset.UtcNow));
        var steamValue = Assert.Single(steamMeter.Read(DateTimeOffset.UtcNow));
        Assert.Equal(("water_volume", 8765.432), (waterValue.Quantity, waterValue.Value));
        Assert.Equal("steam_mass", steamValue.Quantity);
        Assert.Equal(12_345.678, steamValue.Value, precision: 6);
    }

    [Fact]
    public async Task A_modbus_tcp_server_that_is_not_there_fails_clearly()
    {
        using var client = new ModbusClient(new ModbusTcpTransport("127.0.0.1", FreePort.Next(), TimeSpan.FromSeconds(2)));
        var ex = Assert.ThrowsAny<IOException>(() => client.ReadInputRegisters(1, 0, 2));
        Assert.Contains("Modbus TCP 127.0.0.1:", ex.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_sdm630_map_reads_over_modbus_rtu_on_a_serial_line()
    {
        await using var pair = await VirtualSerialPair.StartAsync();
        await using var server = PymodbusServer.Rtu(pair.DeviceEnd, 9600);
        var settings = new SerialSettings(pair.AgentEnd, 9600, 8, Parity.None, StopBits.One);
        // Generous timeouts: pymodbus and socat share a loaded test machine; the framing is what is under test.
        using var client = new ModbusClient(new ModbusRtuTransport(SerialPortLine.Open(settings), TimeSpan.FromSeconds(3), settings.BitsPerCharacter, frameGapTimeout: TimeSpan.FromSeconds(1)));
        await Poll.UntilAsync(() =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("pymodbus exited: " + server.Output);
            return Task.FromResult(client.ReadInputRegisters(1, 0, 2).Length == 2);
        }, StartTimeout, "pymodbus to answer over RTU");

        for (var i = 0; i < 20; i++)   // back-to-back frames keep their 3.5-character gaps
            Assert.Equal(231.4f, RegisterDecoding.Float32(client.ReadInputRegisters(1, 0, 2), 0));
        Assert.Equal(2, Assert.Throws<ModbusException>(() => client.ReadInputRegisters(1, 0x0300, 2)).Code);
        AssertSdm630(ReadMeter(client.Transport));   // last: the meter driver closes the line when done
    }
}
