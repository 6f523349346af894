using System.Device.Gpio;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Contracts;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.FireAlarm;

/// <summary>
/// The whole agent with no broker to talk to: smoke on the input must still switch the relay and
/// the buzzer within a second, and the event must be in the outbox at once, not at the next
/// hourly reporting round. Real clock, bounded waits.
/// </summary>
public sealed class OfflineFireAlarmTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _folder = Directory.CreateTempSubdirectory("smartpark-alarm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Without_network_smoke_sounds_the_alarm_within_a_second_and_stores_the_event_at_once()
    {
        var gpio = new FakeGpioDriver(TimeProvider.System);
        var hardware = new FakeHardware { GpioFactory = () => new GpioController(gpio) };
        var options = new AgentOptions
        {
            Park = "p1",
            Enterprise = "e1",
            Device = "d1",
            OutboxPath = Path.Combine(_folder, "outbox.db"),
            Broker = new() { Host = "127.0.0.1", Port = ClosedPort(), MinReconnectDelay = TimeSpan.FromMilliseconds(200) },
            Sensors =
            [
                new SensorOptions
                {
                    Id = "smoke-1", Driver = "gpio-smoke", IntervalMs = 3_600_000,
                    Settings = new(StringComparer.OrdinalIgnoreCase) { ["pin"] = "5", ["activeLevel"] = "low", ["debounceMs"] = "100" },
                },
            ],
            FireAlarm = new FireAlarmOptions { BuzzerPin = 18, RelayPin = 23, PollMs = 20 },
        };
        var context = HardwareContext.For(options, hardware, TimeProvider.System, NullLoggerFactory.Instance);
        await using var runtime = await AgentRuntime.CreateAsync(options, AgentRuntime.CreateDrivers(options, context), NullLoggerFactory.Instance);
        runtime.AttachFireAlarm(context.FireAlarm);
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(maxRounds: null, stop.Token);

        await Poll.UntilAsync(() => Task.FromResult(StoredSmoke()), s => s.Count == 1, Deadline, "the first regular round");
        Assert.Equal([0.0], StoredSmoke());

        var smokeAt = DateTimeOffset.UtcNow;
        gpio.SetInput(5, PinValue.Low);
        await Poll.UntilAsync(() => Task.FromResult(gpio.Level(23)), v => v == PinValue.Low, Deadline, "the relay to close");
        var relay = gpio.OutputWrites.Last(w => w.Pin == 23);
        Assert.True(relay.At - smokeAt < TimeSpan.FromSeconds(1), $"relay after {relay.At - smokeAt}");
        Assert.Equal(PinValue.High, gpio.Level(18));

        await Poll.UntilAsync(() => Task.FromResult(StoredSmoke()), s => s.Count == 2, Deadline, "the alarm event in the outbox");
        Assert.Equal([0.0, 1.0], StoredSmoke());
        Assert.False(runtime.Mqtt.IsUp);

        await stop.CancelAsync();
        await running;
        context.FireAlarm.Dispose();
    }

    private List<double> StoredSmoke()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "outbox.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT readings FROM outbox ORDER BY seq";
        var values = new List<double>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.AddRange(JsonSerializer.Deserialize(reader.GetString(0), ContractsJsonContext.Default.ReadingArray)!
                .Where(r => r.Quantity == "smoke").Select(r => r.Value!.Value));
        }
        return values;
    }
}
