using System.Net;
using System.Text.Json;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;
using SmartPark.IntegrationTests.EdgeAgent.Modbus;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>
/// The NativeAOT executables an integrator installs, run as processes against a real Mosquitto:
/// the x64 one directly, the Pi's arm64 one under qemu user emulation. What only the native
/// build can get wrong (trimmed-away code, configuration binding, native SQLite, the health
/// listener) shows here and nowhere else.
/// </summary>
public sealed class ShippedAgentTests(PublishedAgent published) : IClassFixture<PublishedAgent>, IAsyncLifetime
{
    private const ushort ElfX64 = 62;
    private const ushort ElfAarch64 = 183;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-shipped-agent-").FullName;
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    public async Task The_shipped_agent_publishes_readings_answers_healthz_and_says_offline_on_SIGTERM(string rid)
    {
        Assert.Equal(rid == "linux-x64" ? ElfX64 : ElfAarch64, ElfMachine(published.Executable(rid)));
        var device = "d-" + rid;
        var config = WriteConfig(device);
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [$"smartpark/v1/p-shipped/e-shipped/{device}/#"]);
        var healthPort = FreePort.Next();

        await using var agent = Start(rid, ["--config", config, $"--Urls=http://127.0.0.1:{healthPort}"]);
        await Poll.UntilAsync(() => Task.FromResult(Batches(collector).Count), n => n >= 5, Timeout, "5 telemetry batches; agent said: " + agent.Output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz"));
        var healthBody = await health.Content.ReadAsStringAsync();
        var live = await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz/live"));
        var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz/ready"));
        var missing = await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/nothing-here"));
        await agent.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var doc = JsonDocument.Parse(healthBody))
        {
            Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(agent.HasExited, "the agent stops on SIGTERM");
        Assert.Equal(0, agent.ExitCode);

        var batches = Batches(collector);
        Assert.Equal(Enumerable.Range(1, batches.Count).Select(i => (long)i), batches.Select(b => b.Seq!.Value).Order());
        Assert.All(batches, b => Assert.NotEmpty(b.Readings!));
        Assert.Equal(["fire-1", "voc-1"], batches.SelectMany(b => b.Readings!).Select(r => r.Sensor).Distinct().Order());
        var statuses = Statuses(collector);
        Assert.Equal(DeviceStatus.Online, statuses[0].State);
        Assert.Equal(DeviceStatus.Offline, statuses[^1].State);
        Assert.Equal("agent stopped", statuses[^1].Reason);
    }

    /// <summary>
    /// The agent reads SMARTPARK_-prefixed variables as every service does; an installed device's
    /// old <c>Agent__…</c> ones still count (the SMARTPARK_ form wins) and are named once in a
    /// warning with their new names. Park and enterprise come only from the environment here, so
    /// the topics the agent publishes on show which variable it took.
    /// </summary>
    [Fact]
    public async Task The_shipped_agent_reads_SMARTPARK_variables_and_the_old_Agent_ones_with_a_warning()
    {
        var config = Path.Combine(_dir, "env.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Agent": {
                "Device": "d-env",
                "OutboxPath": "{{Path.Combine(_dir, "d-env.db")}}",
                "Broker": { "Host": "127.0.0.1", "Port": {{_broker.Port}}, "MinReconnectDelay": "00:00:00.100" },
                "Sensors": [ { "Id": "voc-1", "Driver": "sim-voc", "IntervalMs": 200 } ]
              }
            }
            """);
        await using var collector = await MqttCollector.StartAsync(_broker.Port, ["smartpark/v1/p-shipped/e-shipped/d-env/#"]);

        await using var agent = ProcessRunner.Start("env",
        [
            "Agent__Park=p-shipped", "Agent__Enterprise=e-old", "SMARTPARK_Agent__Enterprise=e-shipped",
            published.Executable("linux-x64"), "--config", config, $"--Urls=http://127.0.0.1:{FreePort.Next()}",
        ], _dir);
        await Poll.UntilAsync(() => Task.FromResult(Batches(collector).Count), n => n >= 2, Timeout, "2 telemetry batches on p-shipped/e-shipped; agent said: " + agent.Output);
        await agent.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, agent.ExitCode);
        Assert.Contains("Agent__Park (rename it SMARTPARK_Agent__Park)", agent.Output, StringComparison.Ordinal);
        Assert.Contains("Agent__Enterprise (rename it SMARTPARK_Agent__Enterprise)", agent.Output, StringComparison.Ordinal);
        Assert.Single(agent.Output.Split('\n'), line => line.Contains("Deprecated environment variables", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    public async Task The_shipped_agent_reads_meters_over_modbus_tcp_and_rtu_and_flags_a_missing_i2c_sensor_D(string rid)
    {
        var tcpPort = FreePort.Next();
        await using var tcpMeter = PymodbusServer.Tcp(tcpPort);
        await using var serial = await VirtualSerialPair.StartAsync();
        await using var rtuMeter = PymodbusServer.Rtu(serial.DeviceEnd, 9600);
        // The agent takes serial ports under /dev only; socat's link names the pty it made there.
        var agentPort = File.ResolveLinkTarget(serial.AgentEnd, returnFinalTarget: true)!.FullName;
        await Poll.UntilAsync(() => Task.FromResult(Answers(tcpPort)), Timeout, "pymodbus to listen on TCP; it said: " + tcpMeter.Output);
        var device = "m-" + rid;
        var config = WriteConfig(device, $$"""
            { "Id": "meter-tcp", "Driver": "modbus-sdm630", "IntervalMs": 500, "Settings": { "host": "127.0.0.1", "tcpPort": "{{tcpPort}}" } },
            { "Id": "meter-rtu", "Driver": "modbus-sdm630", "IntervalMs": 500, "Settings": { "port": "{{agentPort}}", "baud": "9600", "timeoutMs": "3000" } },
            { "Id": "voc-ccs", "Driver": "ccs811", "IntervalMs": 500 }
            """);
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [$"smartpark/v1/p-shipped/e-shipped/{device}/#"]);

        await using var agent = Start(rid, ["--config", config, $"--Urls=http://127.0.0.1:{FreePort.Next()}"]);
        await Poll.UntilAsync(
            () => Task.FromResult(Readings(collector).Where(r => r.Quantity == "energy").Select(r => r.Sensor).Distinct().Count()),
            n => n == 2, Timeout, "energy from both meters; agent said: " + agent.Output + "; pymodbus said: " + tcpMeter.Output + rtuMeter.Output);
        var faulty = await Poll.UntilAsync(
            () => Task.FromResult(Statuses(collector).SelectMany(s => s.Sensors ?? []).LastOrDefault(s => s.Sensor == "voc-ccs" && s.Flag == DataFlag.Fault)),
            s => s is not null, Timeout, "the CCS811 flagged D in the device status; agent said: " + agent.Output);
        await agent.StopAsync(TimeSpan.FromSeconds(30));

        foreach (var meter in new[] { "meter-tcp", "meter-rtu" })
        {
            var values = Readings(collector).Where(r => r.Sensor == meter).GroupBy(r => r.Quantity!).ToDictionary(g => g.Key, g => g.First());
            Assert.Equal(231.4, values["voltage"].Value!.Value, precision: 4);
            Assert.Equal(30.1, values["current"].Value!.Value, precision: 4);
            Assert.Equal(20.1, values["power"].Value!.Value, precision: 6);
            Assert.Equal(98765.25, values["energy"].Value!.Value, precision: 4);
            Assert.All(values.Values, r => Assert.Equal(DataFlag.Normal, r.Flag));
        }
        Assert.Contains("/dev/i2c-1", faulty!.Error);
        // Its quantities go out flagged D, so the platform sees the gap as a fault, not as silence.
        Assert.All(Readings(collector).Where(r => r.Sensor == "voc-ccs"), r => Assert.Equal(DataFlag.Fault, r.Flag));
        Assert.Equal(0, agent.ExitCode);
    }

    [Theory]
    [InlineData("src/EdgeAgent/agent.sample.json")]
    [InlineData("hardware/wiring/edge-node.sample.json")]
    [InlineData("hardware/wiring/energy-meters.agent.json")]
    public async Task The_shipped_agent_accepts_the_sample_configurations(string sample)
    {
        var file = Path.Combine(RepositoryPaths.Root, sample);

        var (exitCode, output) = await RunToEndAsync("linux-x64", ["check-config", file]);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{file}: OK", output);
    }

    [Fact]
    public async Task The_shipped_agent_reports_a_broken_configuration_with_its_line_and_refuses_to_start()
    {
        var file = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(file, """
            {
              "Agent": {
                "Park": "p1", "Enterprise": "e1", "Device": "d1",
                "Sensors": [
                  { "Id": "meter-1", "Driver": "modbus-sdm630", "IntervalMs": 50,
                    "Settings": { "port": "/dev/ttyUSB0" } }
                ]
              }
            }
            """);

        var (checkExit, checkOutput) = await RunToEndAsync("linux-x64", ["check-config", file]);
        var (runExit, runOutput) = await RunToEndAsync("linux-x64", ["--config", file, $"--Urls=http://127.0.0.1:{FreePort.Next()}"]);

        Assert.Equal(1, checkExit);
        Assert.Contains($"{file}:5: Agent:Sensors:0:IntervalMs 50 is below 100", checkOutput);
        Assert.Equal(2, runExit);
        Assert.Contains("IntervalMs 50 is below 100", runOutput);
    }

    private ProcessRunner Start(string rid, string[] args) =>
        rid == "linux-arm64"
            ? ProcessRunner.Start("qemu-aarch64-static", ["-L", "/usr/aarch64-linux-gnu", published.Executable(rid), .. args], _dir)
            : ProcessRunner.Start(published.Executable(rid), args, _dir);

    private async Task<(int ExitCode, string Output)> RunToEndAsync(string rid, string[] args)
    {
        await using var run = Start(rid, args);
        await run.WaitForExitAndOutputAsync(Timeout);
        return (run.ExitCode, run.Output);
    }

    private const string SimulatedSensors = """
        { "Id": "voc-1", "Driver": "sim-voc", "IntervalMs": 200 },
        { "Id": "fire-1", "Driver": "sim-fire-detector", "IntervalMs": 200 }
        """;

    private string WriteConfig(string device, string sensors = SimulatedSensors)
    {
        var path = Path.Combine(_dir, device + ".json");
        File.WriteAllText(path, $$"""
            {
              "Agent": {
                "Park": "p-shipped", "Enterprise": "e-shipped", "Device": "{{device}}",
                "OutboxPath": "{{Path.Combine(_dir, device + ".db")}}",
                "Broker": { "Host": "127.0.0.1", "Port": {{_broker.Port}}, "MinReconnectDelay": "00:00:00.100" },
                "Sensors": [
            {{sensors}}
                ]
              }
            }
            """);
        return path;
    }

    private static IReadOnlyList<TelemetryBatch> Batches(MqttCollector collector) => AgentTraffic.Batches(collector);

    private static IReadOnlyList<Reading> Readings(MqttCollector collector) => AgentTraffic.Readings(collector);

    // The collector listens to one device's topics only.
    private static IReadOnlyList<DeviceStatus> Statuses(MqttCollector collector) => AgentTraffic.Statuses(collector);

    private static bool Answers(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>e_machine of an ELF executable: which processor it is built for.</summary>
    private static ushort ElfMachine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
            file.ReadExactly(header);
        Assert.True(header[..4].SequenceEqual("\u007fELF"u8), $"{path} is not an ELF executable");
        return BitConverter.ToUInt16(header[18..20]);
    }
}
