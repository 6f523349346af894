using System.Device.Gpio;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.PulseMeter;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.PulseMeter;

public sealed class PulseMeterTests : IDisposable
{
    private readonly PulseMeterBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void Every_pulse_between_reads_counts_and_the_reading_is_initial_plus_pulses_times_per_pulse()
    {
        var sensor = PulseMeterBench.Sensor();
        using var meter = _bench.Open(sensor);

        Assert.Equal(1234.5, meter.Read(_bench.Time.GetUtcNow()).Single().Value);
        _bench.Pulses(7);   // 3.5 s of pulses between two reads

        var value = Assert.Single(meter.Read(_bench.Time.GetUtcNow()));
        Assert.Equal(("water_volume", 1234.57), (value.Quantity, value.Value));
        Assert.Equal(PinMode.InputPullUp, _bench.Gpio.Modes[PulseMeterBench.Pin]);
    }

    [Fact]
    public void A_reed_contact_bouncing_as_it_closes_and_opens_counts_once()
    {
        using var meter = _bench.Open(PulseMeterBench.Sensor(("debounceMs", "10")));
        var ms = TimeSpan.FromMilliseconds(1);
        for (var pulse = 0; pulse < 3; pulse++)
        {
            foreach (var level in new[] { PinValue.Low, PinValue.High, PinValue.Low, PinValue.High, PinValue.Low })   // closing bounce
            {
                _bench.Gpio.SetInput(PulseMeterBench.Pin, level);
                _bench.Time.Advance(ms);
            }
            _bench.Time.Advance(TimeSpan.FromMilliseconds(80));
            foreach (var level in new[] { PinValue.High, PinValue.Low, PinValue.High, PinValue.Low, PinValue.High })  // opening bounce
            {
                _bench.Gpio.SetInput(PulseMeterBench.Pin, level);
                _bench.Time.Advance(ms);
            }
            _bench.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(3, meter.Count.Pulses);
    }

    [Fact]
    public void An_active_high_output_counts_rising_edges_with_a_pull_down()
    {
        using var meter = _bench.Open(PulseMeterBench.Sensor(("activeLevel", "high"), ("quantity", "energy"), ("perPulse", "0.001"), ("initial", "0")));
        for (var i = 0; i < 4; i++)
            _bench.Pulse(TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(200), PinValue.High);   // S0: 1000 imp/kWh

        Assert.Equal(PinMode.InputPullDown, _bench.Gpio.Modes[PulseMeterBench.Pin]);
        Assert.Equal(("energy", 0.004), (meter.Read(_bench.Time.GetUtcNow()).Single().Quantity, meter.Read(_bench.Time.GetUtcNow()).Single().Value));
    }

    [Fact]
    public void A_meter_that_stopped_mid_pulse_is_not_counted_when_the_agent_starts()
    {
        _bench.Gpio.SetInput(PulseMeterBench.Pin, PinValue.Low);   // the contact is closed already
        using var meter = _bench.Open(PulseMeterBench.Sensor());
        _bench.Gpio.SetInput(PulseMeterBench.Pin, PinValue.High);
        _bench.Time.Advance(TimeSpan.FromSeconds(1));
        _bench.Pulses(1);

        Assert.Equal(1, meter.Count.Pulses);
    }

    [Fact]
    public void The_count_survives_a_restart_of_the_agent()
    {
        var sensor = PulseMeterBench.Sensor();
        using (var first = _bench.Open(sensor))
            _bench.Pulses(5);
        Assert.Equal(0, _bench.Gpio.CallbacksOn(PulseMeterBench.Pin));   // closing let go of the pin

        using var second = _bench.Open(sensor);
        Assert.Equal(1234.55, second.Read(_bench.Time.GetUtcNow()).Single().Value);
        _bench.Pulses(3);
        Assert.Equal(1234.58, second.Read(_bench.Time.GetUtcNow()).Single().Value);
        Assert.Equal(Path.Combine(_bench.DataFolder, "pulse-water-1.count"), second.StatePath);
    }

    [Fact]
    public void The_count_is_written_through_at_most_every_save_seconds()
    {
        using var meter = _bench.Open(PulseMeterBench.Sensor(("saveSeconds", "10")));
        Assert.Equal(0, _bench.Stored()!.Pulses);                // written at start

        _bench.Pulses(4);                                          // 2 s
        meter.Read(_bench.Time.GetUtcNow());
        Assert.Equal(0, _bench.Stored()!.Pulses);                  // too soon after the last write

        _bench.Time.Advance(TimeSpan.FromSeconds(8));
        meter.Read(_bench.Time.GetUtcNow());
        Assert.Equal(4, _bench.Stored()!.Pulses);

        _bench.Pulses(1);
        meter.Dispose();                                           // stopping writes what is left
        Assert.Equal(new PulseCount(1234.5, 0.01, 5), _bench.Stored());
    }

    [Fact]
    public void Changing_initial_restarts_the_register_from_it()
    {
        using (var old = _bench.Open(PulseMeterBench.Sensor()))
            _bench.Pulses(5);

        using var replaced = _bench.Open(PulseMeterBench.Sensor(("initial", "0.25")));   // a new meter, reading 0.25 m³

        Assert.Equal(0.25, replaced.Read(_bench.Time.GetUtcNow()).Single().Value);
        Assert.Equal(new PulseCount(0.25, 0.01, 0), _bench.Stored());
    }

    [Fact]
    public void A_damaged_count_file_fails_the_sensor_instead_of_silently_restarting_the_register()
    {
        File.WriteAllText(Path.Combine(_bench.DataFolder, "pulse-water-1.count"), "pulses lots\n");
        var sensor = PulseMeterBench.Sensor();

        var ex = Assert.Throws<InvalidDataException>(() => _bench.Open(sensor));
        Assert.Contains("pulse-water-1.count", ex.Message);

        // Behind the agent's wrapper the sensor reports flag D, and the file is left for a person to fix.
        var driver = DriverFactory.Create(sensor, _bench.Context(sensor));
        Assert.Equal(DataFlag.Fault, driver.Read(_bench.Time.GetUtcNow()).Single().Flag);
        Assert.Equal("pulses lots\n", File.ReadAllText(Path.Combine(_bench.DataFolder, "pulse-water-1.count")));
    }

    [Fact]
    public void The_agent_counts_through_its_resilient_wrapper()
    {
        var sensor = PulseMeterBench.Sensor(("quantity", "gas_volume"), ("perPulse", "0.1"), ("initial", "100"));
        var driver = DriverFactory.Create(sensor, _bench.Context(sensor));
        using var closing = (IDisposable)driver;

        Assert.Equal(100, driver.Read(_bench.Time.GetUtcNow()).Single().Value);
        _bench.Pulses(3);
        var value = driver.Read(_bench.Time.GetUtcNow()).Single();

        Assert.Equal(("gas_volume", 100.3, DataFlag.Normal), (value.Quantity, value.Value, value.Flag));
    }

    [Theory]
    [InlineData("quantity", "oil", "Settings:quantity 'oil' is not one of water_volume, gas_volume, steam_mass, energy")]
    [InlineData("perPulse", "0", "Settings:perPulse '0' must be a positive number")]
    [InlineData("pin", "30", "Settings:pin '30' must be a whole number 0..27")]
    [InlineData("initial", "-1", "Settings:initial '-1' must be at least 0")]
    [InlineData("debounceMs", "5000", "Settings:debounceMs '5000' must be a whole number 0..1000")]
    [InlineData("saveSeconds", "0", "Settings:saveSeconds '0' must be a whole number 1..3600")]
    public void A_settings_mistake_is_named_by_key(string key, string value, string problem) =>
        Assert.Equal([problem], DriverCatalogue.Problems(PulseMeterBench.Sensor((key, value))));

    [Fact]
    public void Missing_required_keys_stop_the_agent_naming_the_sensor()
    {
        var sensor = PulseMeterBench.Sensor();
        sensor.Settings.Remove("quantity");
        sensor.Settings.Remove("perPulse");

        var ex = Assert.Throws<ArgumentException>(() => DriverFactory.Create(sensor, _bench.Context(sensor)));

        Assert.StartsWith("Sensor 'water-1' (gpio-pulse-meter): Settings:quantity is missing", ex.Message);
        Assert.Contains("Settings:perPulse is missing", ex.Message);
    }
}
