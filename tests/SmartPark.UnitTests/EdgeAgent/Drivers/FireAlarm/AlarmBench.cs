using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.FireAlarm;
using SmartPark.EdgeAgent.Drivers.Hardware;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.FireAlarm;

/// <summary>
/// The reference node's alarm wiring on a fake GPIO chip and a fake clock: smoke contact on
/// GPIO5 (active low), flame module on GPIO6 (active low), buzzer on GPIO18 (active high),
/// relay on GPIO23 (active low), silence button on GPIO24 (to GND).
/// </summary>
public sealed class AlarmBench
{
    public const int SmokePin = 5;
    public const int FlamePin = 6;
    public const int BuzzerPin = 18;
    public const int RelayPin = 23;
    public const int SilencePin = 24;

    public AlarmBench(Action<AgentOptions>? configure = null)
    {
        Gpio = new FakeGpioDriver(Time);
        Hardware.GpioFactory = () => Controller ??= new GpioController(Gpio);
        Options = new AgentOptions
        {
            Park = "p",
            Enterprise = "e",
            Device = "d",
            Sensors =
            [
                new SensorOptions { Id = "smoke-1", Driver = "gpio-smoke", Settings = new(StringComparer.OrdinalIgnoreCase) { ["pin"] = $"{SmokePin}", ["activeLevel"] = "low" } },
                new SensorOptions { Id = "flame-1", Driver = "gpio-flame", Settings = new(StringComparer.OrdinalIgnoreCase) { ["pin"] = $"{FlamePin}", ["activeLevel"] = "low", ["debounceMs"] = "100" } },
                new SensorOptions { Id = "heat-1", Driver = "ds18b20", Settings = new(StringComparer.OrdinalIgnoreCase) { ["deviceId"] = "28-000000000001" } },
            ],
            FireAlarm = new FireAlarmOptions
            {
                BuzzerPin = BuzzerPin,
                RelayPin = RelayPin,
                RelayActiveHigh = false,
                SilencePin = SilencePin,
                HeatSensors = ["heat-1"],
                PollMs = 50,
            },
        };
        configure?.Invoke(Options);
        Assert.Empty(Options.Validate());
        Context = HardwareContext.For(Options, Hardware, Time, NullLoggerFactory.Instance);
        Alarm.Changed += Changes.Add;
    }

    public FakeTimeProvider Time { get; } = new(Sensors.At);

    public FakeGpioDriver Gpio { get; }

    public GpioController? Controller { get; private set; }

    public FakeHardware Hardware { get; } = new();

    public AgentOptions Options { get; }

    public HardwareContext Context { get; }

    public LocalFireAlarm Alarm => Context.FireAlarm;

    public List<FireAlarmChange> Changes { get; } = [];

    public ISensorDriver Driver(string id) => DriverFactory.Create(Options.Sensors.Single(s => s.Id == id), Context);

    public bool BuzzerSounds => Gpio.Level(BuzzerPin) == PinValue.High;

    public bool RelayOn => Gpio.Level(RelayPin) == PinValue.Low;

    /// <summary>Advances the clock one poll at a time, polling each step, for <paramref name="duration"/>.</summary>
    public void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += Alarm.PollInterval)
        {
            Time.Advance(Alarm.PollInterval);
            Alarm.Poll();
        }
    }

    /// <summary>Polls (at least once) until <paramref name="condition"/> holds; returns the fake time it took.</summary>
    public TimeSpan RunUntil(Func<bool> condition, TimeSpan limit)
    {
        var start = Time.GetUtcNow();
        do
        {
            Assert.True(Time.GetUtcNow() - start < limit, $"not within {limit}");
            Time.Advance(Alarm.PollInterval);
            Alarm.Poll();
        }
        while (!condition());
        return Time.GetUtcNow() - start;
    }

    public void PressSilence() => Gpio.SetInput(SilencePin, PinValue.Low);

    public void ReleaseSilence() => Gpio.SetInput(SilencePin, PinValue.High);
}
