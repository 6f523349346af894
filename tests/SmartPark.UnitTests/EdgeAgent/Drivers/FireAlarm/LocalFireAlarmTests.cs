using System.Device.Gpio;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Hardware;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;
using static SmartPark.UnitTests.EdgeAgent.Drivers.FireAlarm.AlarmBench;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.FireAlarm;

public class LocalFireAlarmTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void Outputs_open_at_their_quiet_level_and_detector_inputs_with_pull_ups()
    {
        var bench = new AlarmBench();
        bench.Alarm.Poll();
        Assert.Equal(PinMode.Output, bench.Gpio.Modes[BuzzerPin]);
        Assert.Equal(PinValue.Low, bench.Gpio.Level(BuzzerPin));
        Assert.Equal(PinValue.High, bench.Gpio.Level(RelayPin));   // active-low relay stays off
        Assert.Equal(PinMode.InputPullUp, bench.Gpio.Modes[SmokePin]);
        Assert.Equal(PinMode.InputPullUp, bench.Gpio.Modes[SilencePin]);
        Assert.False(bench.Alarm.IsAlarming);
        Assert.Empty(bench.Changes);
    }

    [Fact]
    public void Smoke_drives_buzzer_and_relay_within_one_second_and_raises_the_event()
    {
        var bench = new AlarmBench();
        bench.Run(OneSecond);
        var trippedAt = bench.Time.GetUtcNow();
        bench.Gpio.SetInput(SmokePin, PinValue.Low);

        var took = bench.RunUntil(() => bench.BuzzerSounds && bench.RelayOn, OneSecond);

        Assert.True(took <= TimeSpan.FromMilliseconds(250), $"took {took}");   // 200 ms debounce + one poll
        var change = Assert.Single(bench.Changes);
        Assert.True(change.Alarming);
        Assert.Equal(["smoke-1"], change.Sources);
        var relayWrite = bench.Gpio.OutputWrites.Last(w => w.Pin == RelayPin);
        Assert.Equal(PinValue.Low, relayWrite.Value);
        Assert.InRange(relayWrite.At - trippedAt, TimeSpan.Zero, OneSecond);
    }

    [Fact]
    public void A_contact_bounce_shorter_than_the_debounce_does_not_alarm()
    {
        var bench = new AlarmBench();
        bench.Alarm.Poll();
        for (var i = 0; i < 5; i++)
        {
            bench.Gpio.SetInput(SmokePin, PinValue.Low);
            bench.Run(TimeSpan.FromMilliseconds(100));
            bench.Gpio.SetInput(SmokePin, PinValue.High);
            bench.Run(TimeSpan.FromMilliseconds(50));
        }
        Assert.False(bench.Alarm.IsAlarming);
        Assert.False(bench.BuzzerSounds);
    }

    [Fact]
    public void Silence_mutes_the_buzzer_but_not_the_relay_nor_the_report()
    {
        var bench = new AlarmBench();
        var smoke = bench.Driver("smoke-1");
        bench.Gpio.SetInput(SmokePin, PinValue.Low);
        bench.RunUntil(() => bench.BuzzerSounds, OneSecond);

        bench.PressSilence();
        bench.RunUntil(() => !bench.BuzzerSounds, OneSecond);
        bench.ReleaseSilence();
        bench.Run(OneSecond);

        Assert.False(bench.BuzzerSounds);
        Assert.True(bench.RelayOn);
        Assert.True(bench.Alarm.IsSilenced);
        Assert.Equal(new SensorValue("smoke", 1), Assert.Single(smoke.Read(At)));
        Assert.True(bench.Changes[^1] is { Alarming: true, Silenced: true });
    }

    [Fact]
    public void A_new_source_while_silenced_sounds_the_buzzer_again()
    {
        var bench = new AlarmBench();
        bench.Gpio.SetInput(SmokePin, PinValue.Low);
        bench.RunUntil(() => bench.BuzzerSounds, OneSecond);
        bench.PressSilence();
        bench.RunUntil(() => !bench.BuzzerSounds, OneSecond);
        bench.ReleaseSilence();

        bench.Gpio.SetInput(FlamePin, PinValue.Low);
        var took = bench.RunUntil(() => bench.BuzzerSounds, OneSecond);

        Assert.True(took <= TimeSpan.FromMilliseconds(200), $"took {took}");
        Assert.Equal(["smoke-1", "flame-1"], bench.Alarm.Sources);
        Assert.False(bench.Alarm.IsSilenced);
    }

    [Fact]
    public void When_every_source_clears_the_outputs_go_quiet_and_silence_resets()
    {
        var bench = new AlarmBench();
        bench.Alarm.Poll();
        bench.Gpio.SetInput(SmokePin, PinValue.Low);
        bench.RunUntil(() => bench.RelayOn, OneSecond);
        bench.PressSilence();
        bench.Run(TimeSpan.FromMilliseconds(200));
        bench.ReleaseSilence();

        bench.Gpio.SetInput(SmokePin, PinValue.High);
        bench.RunUntil(() => !bench.RelayOn, OneSecond);
        Assert.False(bench.BuzzerSounds);
        Assert.False(bench.Alarm.IsSilenced);
        Assert.True(bench.Changes[^1] is { Alarming: false, Sources.Count: 0 }, string.Join("; ", bench.Changes));

        // The next fire is not pre-silenced.
        bench.Gpio.SetInput(SmokePin, PinValue.Low);
        bench.RunUntil(() => bench.BuzzerSounds, OneSecond);
    }

    [Fact]
    public void A_heat_sensor_at_the_threshold_trips_the_alarm_and_clears_below_the_hysteresis()
    {
        var folder = Directory.CreateTempSubdirectory("smartpark-w1-").FullName;
        try
        {
            var bench = new AlarmBench();
            bench.Hardware.OneWireFolder = folder;
            var slave = Path.Combine(folder, "28-000000000001", "w1_slave");
            Directory.CreateDirectory(Path.GetDirectoryName(slave)!);
            void Temperature(int milli) => File.WriteAllText(slave, $"00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t={milli}\n");
            var heat = bench.Driver("heat-1");

            Temperature(56_500);
            heat.Read(At);
            bench.Run(OneSecond);
            Assert.False(bench.Alarm.IsAlarming);

            Temperature(57_000);
            Assert.Equal(57.0, Assert.Single(heat.Read(At)).Value);
            var took = bench.RunUntil(() => bench.BuzzerSounds && bench.RelayOn, OneSecond);
            Assert.True(took <= bench.Alarm.PollInterval);
            Assert.Equal(["heat-1"], bench.Alarm.Sources);

            Temperature(55_500);   // inside the 2 °C hysteresis: still alarming
            heat.Read(At);
            bench.Run(OneSecond);
            Assert.True(bench.Alarm.IsAlarming);

            Temperature(54_000);
            heat.Read(At);
            bench.RunUntil(() => !bench.Alarm.IsAlarming, OneSecond);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_active_high_flame_module_is_configurable()
    {
        var bench = new AlarmBench(o =>
        {
            o.Sensors[1].Settings["activeLevel"] = "high";
            o.Sensors[1].Settings["pull"] = "down";
        });
        bench.Alarm.Poll();
        Assert.Equal(PinMode.InputPullDown, bench.Gpio.Modes[FlamePin]);
        bench.Gpio.SetInput(FlamePin, PinValue.High);
        bench.RunUntil(() => bench.BuzzerSounds, OneSecond);
        Assert.Equal(["flame-1"], bench.Alarm.Sources);
    }

    [Fact]
    public void Without_gpio_the_detectors_report_D_and_the_alarm_starts_when_gpio_appears()
    {
        var bench = new AlarmBench();
        var working = bench.Hardware.GpioFactory;
        bench.Hardware.GpioFactory = () => throw new HardwareUnavailableException("/dev/gpiochip0", "libgpiod is not installed", "sudo apt install libgpiod2");
        var smoke = bench.Driver("smoke-1");

        bench.Alarm.Poll();
        var reading = Assert.Single(smoke.Read(At));
        Assert.Equal(("smoke", DataFlag.Fault), (reading.Quantity, reading.Flag));

        bench.Hardware.GpioFactory = working;
        bench.Gpio.SetInput(SmokePin, PinValue.Low);
        // The alarm retries GPIO after its 1 s backoff, then debounces the input.
        bench.RunUntil(() => bench.BuzzerSounds, TimeSpan.FromSeconds(2));
        bench.Time.Advance(ResilientDriver.FirstRetry);
        Assert.Equal(new SensorValue("smoke", 1), Assert.Single(smoke.Read(At)));
    }

    [Fact]
    public void A_detector_read_before_the_alarms_first_poll_is_read_not_reported_faulty()
    {
        // The sampler's first round won the race against the alarm thread's first poll.
        var bench = new AlarmBench();
        var reading = Assert.Single(bench.Driver("smoke-1").Read(At));
        Assert.Equal(new SensorValue("smoke", 0), reading);
        Assert.Equal(DataFlag.Normal, reading.Flag);
    }

    [Fact]
    public void Pin_clashes_and_unknown_heat_sensors_are_configuration_errors()
    {
        var bench = new AlarmBench();
        bench.Options.FireAlarm!.RelayPin = BuzzerPin;
        bench.Options.FireAlarm.HeatSensors.Add("heat-9");
        var problems = bench.Options.Validate();
        Assert.Contains(problems, p => p.Contains("BuzzerPin and RelayPin share GPIO18"));
        Assert.Contains(problems, p => p.Contains("'heat-9'"));
    }
}
