using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.PulseMeter;

/// <summary>
/// A water meter's reed contact on GPIO17 (to GND, pull-up: active low) of a fake chip with a
/// fake clock, and an agent whose data folder is a fresh temporary folder.
/// </summary>
public sealed class PulseMeterBench : IDisposable
{
    public const int Pin = 17;

    public PulseMeterBench()
    {
        Gpio = new FakeGpioDriver(Time);
        Hardware.GpioFactory = () => Controller ??= new GpioController(Gpio);
    }

    public FakeTimeProvider Time { get; } = new(Sensors.At);

    public FakeGpioDriver Gpio { get; }

    public GpioController? Controller { get; private set; }

    public FakeHardware Hardware { get; } = new();

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("smartpark-pulse-").FullName;

    public static SensorOptions Sensor(params (string Key, string Value)[] settings)
    {
        var sensor = new SensorOptions
        {
            Id = "water-1",
            Driver = PulseMeterDescriptor.DriverName,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["pin"] = $"{Pin}", ["quantity"] = "water_volume", ["perPulse"] = "0.01", ["initial"] = "1234.5" },
        };
        foreach (var (key, value) in settings)
            sensor.Settings[key] = value;
        return sensor;
    }

    public HardwareContext Context(SensorOptions sensor) =>
        HardwareContext.For(new AgentOptions { OutboxPath = Path.Combine(DataFolder, "outbox.db"), Sensors = [sensor] }, Hardware, Time, NullLoggerFactory.Instance);

    public PulseMeterDriver Open(SensorOptions sensor) => new(sensor.Id, PulseMeterSettings.From(sensor), Context(sensor));

    /// <summary>One clean pulse of <paramref name="width"/>, then the line rests for <paramref name="rest"/>.</summary>
    public void Pulse(TimeSpan width, TimeSpan rest, PinValue active = default)
    {
        var (on, off) = active == PinValue.High ? (PinValue.High, PinValue.Low) : (PinValue.Low, PinValue.High);
        Gpio.SetInput(Pin, on);
        Time.Advance(width);
        Gpio.SetInput(Pin, off);
        Time.Advance(rest);
    }

    public void Pulses(int count)
    {
        for (var i = 0; i < count; i++)
            Pulse(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));
    }

    public PulseCount? Stored(string sensorId = "water-1") => PulseCountStore.For(DataFolder, sensorId).Load();

    public void Dispose() => Directory.Delete(DataFolder, recursive: true);
}
