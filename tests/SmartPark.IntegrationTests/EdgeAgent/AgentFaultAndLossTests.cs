using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.Platform.Mqtt;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>
/// The agent off the hardware, against a real Mosquitto: a meter whose serial device does not
/// exist is reported with flag D (status and readings) while the other sensors keep reporting; a full
/// outbox drops its oldest readings and says how many in the device status.
/// </summary>
public sealed class AgentFaultAndLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-agent-fault-").FullName;
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private AgentOptions Agent(string device, double outboxMegabytes = 200, int intervalMs = 100) => new()
    {
        Park = "p-fault",
        Enterprise = "e-fault",
        Device = device,
        OutboxPath = Path.Combine(_dir, device + ".db"),
        OutboxMaxMegabytes = outboxMegabytes,
        Broker = new MqttEndpointOptions
        {
            Port = _broker.Port,
            ClientId = device,
            MinReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        },
        Sensors =
        [
            new SensorOptions { Id = "meter-1", Driver = "modbus-sdm630", IntervalMs = intervalMs, Settings = { ["port"] = "/dev/ttyNOSUCH7" } },
            new SensorOptions { Id = "voc-1", Driver = "sim-voc", IntervalMs = intervalMs },
        ],
    };

    private static IReadOnlyList<DeviceStatus> Statuses(MqttCollector collector) => AgentTraffic.Statuses(collector);

    [Fact]
    public async Task A_meter_with_no_serial_device_is_flagged_D_while_the_other_sensors_report()
    {
        var agent = Agent("d-nodev");
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Telemetry(agent.Address), SmartParkTopics.Status(agent.Address)]);
        await using var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: 5, stop.Token);

        await runtime.SamplingCompleted.WaitAsync(Timeout);
        await runtime.WaitUntilDrainedAsync(new CancellationTokenSource(Timeout).Token);
        var online = await Poll.UntilAsync(() => Task.FromResult(Statuses(collector)), s => s.Count > 0, Timeout, "the online status");
        await stop.CancelAsync();
        await running;

        var meter = online[0].Sensors!.Single(s => s.Sensor == "meter-1");
        Assert.Equal(DataFlag.Fault, meter.Flag);
        Assert.Contains("/dev/ttyNOSUCH7", meter.Error);
        Assert.Contains("UART", meter.Error);
        Assert.Null(online[0].Sensors!.Single(s => s.Sensor == "voc-1").Flag);

        var readings = AgentTraffic.Readings(collector);
        var voc = readings.Where(r => r.Sensor == "voc-1").ToList();
        Assert.Equal(10, voc.Count);   // 5 rounds of nmhc + tvoc
        Assert.All(voc, r => Assert.Equal(DataFlag.Normal, r.Flag));
        // The resilience policy (Drivers README): the meter's quantities go out flagged D each
        // round, so the platform sees a fault rather than silence; no value ever passes as measured.
        var meterReadings = readings.Where(r => r.Sensor == "meter-1").ToList();
        Assert.Equal(5 * 4, meterReadings.Count);   // 5 rounds of voltage, current, power, energy
        Assert.All(meterReadings, r => Assert.Equal(DataFlag.Fault, r.Flag));
        Assert.Equal(readings.Count, voc.Count + meterReadings.Count);
    }

    [Fact]
    public async Task A_full_outbox_reports_the_readings_it_dropped_in_the_device_status()
    {
        var agent = Agent("d-full", outboxMegabytes: 0.01);   // about 10 KB: a few seconds of readings
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Status(agent.Address)], persistent: true);
        await _broker.StopAsync();
        await using var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: null, stop.Token);

        var full = await Poll.UntilAsync(() => runtime.GetStatsAsync(), s => s.ReadingsDropped >= 20, Timeout, "the outbox to drop readings");
        await _broker.StartAgainAsync();
        var reported = await Poll.UntilAsync(() => Task.FromResult(Statuses(collector).LastOrDefault(s => s.ReadingsDropped > 0)), s => s is not null, Timeout, "a status that reports the loss");
        await stop.CancelAsync();
        await running;

        Assert.True(reported!.ReadingsDropped >= full.ReadingsDropped);
        var after = await runtime.GetStatsAsync();
        Assert.Equal(after.ReadingsStored, after.ReadingsAcknowledged + after.ReadingsDropped + after.PendingReadings);
    }
}
