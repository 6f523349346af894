using System.Device.Gpio;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.Platform.Mqtt;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>
/// The local fire alarm's event reaches a real Mosquitto at once, not at the next reporting
/// round: the smoke detector's interval here is an hour. The detector input is a fake GPIO chip;
/// everything after it (alarm, outbox, QoS 1 publish, broker) is real.
/// </summary>
public sealed class FireAlarmDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-fire-").FullName;
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Smoke_is_published_within_two_seconds_though_the_detector_reports_hourly()
    {
        var gpio = new FakeGpioDriver(TimeProvider.System);
        var options = new AgentOptions
        {
            Park = "p-fire",
            Enterprise = "e-fire",
            Device = "d-fire",
            OutboxPath = Path.Combine(_dir, "outbox.db"),
            Broker = new MqttEndpointOptions { Port = _broker.Port, ClientId = "d-fire", MinReconnectDelay = TimeSpan.FromMilliseconds(100) },
            Sensors =
            [
                new SensorOptions
                {
                    Id = "smoke-1",
                    Driver = "gpio-smoke",
                    IntervalMs = 3_600_000,
                    Settings = new(StringComparer.OrdinalIgnoreCase) { ["pin"] = "5", ["activeLevel"] = "low" },
                },
            ],
            FireAlarm = new FireAlarmOptions { BuzzerPin = 18, RelayPin = 23, RelayActiveHigh = true },
        };
        await using var collector = await MqttCollector.StartAsync(_broker.Port, [SmartParkTopics.Telemetry(options.Address)]);
        using var hardware = new GpioOnlyHardware(new GpioController(gpio));
        var context = HardwareContext.For(options, hardware, TimeProvider.System, NullLoggerFactory.Instance);
        using var alarm = context.FireAlarm;
        await using var runtime = await AgentRuntime.CreateAsync(options, AgentRuntime.CreateDrivers(options, context), NullLoggerFactory.Instance);
        runtime.AttachFireAlarm(alarm);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: null, stop.Token);

        await Poll.UntilAsync(() => Task.FromResult(Smoke(collector)), s => s.Count >= 1, Timeout, "the first regular round");
        Assert.Equal((0.0, DataFlag.Normal), Smoke(collector)[0]);

        var clock = Stopwatch.StartNew();
        gpio.SetInput(5, PinValue.Low);
        await Poll.UntilAsync(() => Task.FromResult(Smoke(collector)), s => s.Contains((1.0, DataFlag.Normal)), Timeout, "smoke = 1 at the broker");
        var took = clock.Elapsed;
        output.WriteLine($"smoke input to telemetry at the broker: {took.TotalMilliseconds:0} ms (debounce 200 ms, poll 50 ms)");

        Assert.True(took < TimeSpan.FromSeconds(2), $"smoke reached the broker after {took.TotalMilliseconds:0} ms");
        Assert.Equal(PinValue.High, gpio.Level(18));   // buzzer
        Assert.Equal(PinValue.High, gpio.Level(23));   // relay, active high here
        await stop.CancelAsync();
        await running;
    }

    private static List<(double Value, string Flag)> Smoke(MqttCollector collector) =>
        collector.Messages
            .Select(m => JsonSerializer.Deserialize(m.Payload, ContractsJsonContext.Default.TelemetryBatch)!)
            .SelectMany(b => b.Readings!)
            .Where(r => r.Quantity == "smoke")
            .Select(r => (r.Value!.Value, r.Flag!))
            .ToList();

    /// <summary>A board with a GPIO chip and nothing else.</summary>
    private sealed class GpioOnlyHardware(GpioController gpio) : IHardware, IDisposable
    {
        public System.Device.I2c.I2cDevice OpenI2c(int bus, int address) => throw new HardwareUnavailableException($"/dev/i2c-{bus}", "does not exist", "enable I2C");

        public System.Device.Spi.SpiDevice OpenSpi(int bus, int chipSelect, int clockHz, System.Device.Spi.SpiMode mode) =>
            throw new HardwareUnavailableException($"/dev/spidev{bus}.{chipSelect}", "does not exist", "enable SPI");

        public GpioController Gpio() => gpio;

        public Stream OpenSerial(string port, int baudRate, TimeSpan readTimeout) => throw new HardwareUnavailableException(port, "does not exist", "enable the UART");

        public string OneWireDevices() => throw new HardwareUnavailableException("/sys/bus/w1/devices", "not enabled", "add dtoverlay=w1-gpio");

        public void Dispose() => gpio.Dispose();
    }
}
