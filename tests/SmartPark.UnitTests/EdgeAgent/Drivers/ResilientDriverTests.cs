using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Hardware;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers;

/// <summary>
/// The one resilience policy (see the Drivers README): a sensor that cannot be opened or read
/// reports each of its quantities with flag D and its last good value, is listed D with the reason
/// in the device status, and is retried with a doubling backoff capped at five minutes.
/// </summary>
public class ResilientDriverTests
{
    private sealed class Scripted(Func<IReadOnlyList<SensorValue>> read) : ISensorDriver, IDisposable
    {
        public string SensorId => "s1";
        public IReadOnlyList<string> Quantities { get; } = ["co2"];
        public bool Disposed { get; private set; }
        public IReadOnlyList<SensorValue> Read(DateTimeOffset at) => read();
        public void Dispose() => Disposed = true;
    }

    private readonly FakeTimeProvider _time = new(At);

    [Fact]
    public void A_sensor_that_cannot_be_opened_reports_D_and_retries_with_doubling_backoff()
    {
        var opens = 0;
        var driver = new ResilientDriver("s1", ["co2", "temperature"], () =>
        {
            opens++;
            throw new HardwareUnavailableException("/dev/i2c-1", "does not exist", "enable I2C");
        }, _time, NullLogger.Instance);

        var first = driver.Read(At);
        Assert.Equal(["co2", "temperature"], first.Select(v => v.Quantity));
        Assert.All(first, v => Assert.Equal(DataFlag.Fault, v.Flag));
        Assert.All(first, v => Assert.Equal(0, v.Value));
        Assert.Contains("/dev/i2c-1", driver.LastError);

        // Attempts at 0 s, 1 s, 3 s, 7 s, 15 s: each wait twice the last.
        var attemptsAt = new List<double> { 0 };
        for (var tenths = 1; tenths <= 160; tenths++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            var before = opens;
            Assert.All(driver.Read(At), v => Assert.Equal(DataFlag.Fault, v.Flag));
            if (opens > before)
                attemptsAt.Add(tenths / 10.0);
        }
        Assert.Equal([0, 1, 3, 7, 15], attemptsAt);
    }

    [Fact]
    public void Backoff_is_capped_at_five_minutes()
    {
        var driver = new ResilientDriver("s1", ["co2"], () => throw new IOException("gone"), _time, NullLogger.Instance);
        for (var i = 0; i < 20; i++)
        {
            driver.Read(At);
            _time.SetUtcNow(driver.NextAttempt);
        }
        driver.Read(At);
        Assert.Equal(ResilientDriver.MaxRetry, driver.NextAttempt - _time.GetUtcNow());
    }

    [Fact]
    public void A_read_error_closes_the_sensor_keeps_the_last_good_value_and_recovers()
    {
        var fail = false;
        var opened = new List<Scripted>();
        var driver = new ResilientDriver("s1", ["co2"], () =>
        {
            var d = new Scripted(() => fail ? throw new InvalidDataException("checksum") : [new SensorValue("co2", 612)]);
            opened.Add(d);
            return d;
        }, _time, NullLogger.Instance);

        Assert.Equal(new SensorValue("co2", 612), Assert.Single(driver.Read(At)));
        Assert.Equal((DataFlag.Normal, null), driver.Health);
        fail = true;
        Assert.Equal(new SensorValue("co2", 612, DataFlag.Fault), Assert.Single(driver.Read(At)));
        Assert.True(opened[0].Disposed);
        Assert.Equal("checksum", driver.LastError);
        Assert.Equal((DataFlag.Fault, "checksum"), driver.Health);   // what the device status lists

        fail = false;
        // Still inside the 1 s backoff: not retried yet.
        Assert.Equal(DataFlag.Fault, Assert.Single(driver.Read(At)).Flag);
        Assert.Single(opened);
        _time.Advance(ResilientDriver.FirstRetry);
        Assert.Equal(new SensorValue("co2", 612), Assert.Single(driver.Read(At)));
        Assert.Equal(2, opened.Count);
        Assert.Null(driver.LastError);
        Assert.Equal((DataFlag.Normal, null), driver.Health);
        Assert.Equal(0, driver.ConsecutiveFailures);
    }

    [Fact]
    public void OpenNow_throws_settings_mistakes_but_not_missing_hardware()
    {
        var badSettings = new ResilientDriver("s1", ["co2"], () => throw new ArgumentException("Sensor 's1': setting r0Ohms is missing"), _time, NullLogger.Instance);
        Assert.Throws<ArgumentException>(badSettings.OpenNow);

        var missing = new ResilientDriver("s1", ["co2"], () => throw new HardwareUnavailableException("/dev/ttyAMA0", "does not exist", "enable the UART"), _time, NullLogger.Instance);
        missing.OpenNow();
        Assert.Equal(1, missing.ConsecutiveFailures);
        Assert.StartsWith("/dev/ttyAMA0", missing.LastError);
    }

    // Folded in from FaultTolerantSensorTests (the meters' and twins' wrapper, now this one). Where
    // that wrapper reported nothing while down, these assert the policy's D readings instead.
    private sealed class FlakyMeter(Func<bool> fails) : ISensorDriver
    {
        public string SensorId => "meter-1";
        public IReadOnlyList<string> Quantities { get; } = ["power"];
        public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
            fails() ? throw new IOException("no reply from unit 1") : [new("power", 1.5)];
    }

    [Fact]
    public void A_meter_that_cannot_open_is_flagged_D_and_retried_with_doubling_backoff()
    {
        var opens = 0;
        var hardwarePresent = false;
        using var sensor = new ResilientDriver("meter-1", ["power"], () =>
        {
            opens++;
            return hardwarePresent ? new FlakyMeter(() => false) : throw new IOException("Serial device /dev/ttyUSB0 does not exist");
        }, _time, NullLogger.Instance);
        sensor.OpenNow();

        Assert.Equal(("D", "Serial device /dev/ttyUSB0 does not exist"), sensor.Health);
        Assert.Equal(new SensorValue("power", 0, DataFlag.Fault), Assert.Single(sensor.Read(_time.GetUtcNow())));
        Assert.Equal(1, opens);                         // still backing off: not tried again

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DataFlag.Fault, Assert.Single(sensor.Read(_time.GetUtcNow())).Flag);
        Assert.Equal(2, opens);
        Assert.Equal(TimeSpan.FromSeconds(2), sensor.NextAttempt - _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(DataFlag.Fault, Assert.Single(sensor.Read(_time.GetUtcNow())).Flag);
        Assert.Equal(TimeSpan.FromSeconds(4), sensor.NextAttempt - _time.GetUtcNow());

        hardwarePresent = true;
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(new SensorValue("power", 1.5), Assert.Single(sensor.Read(_time.GetUtcNow())));
        Assert.Equal(("N", null), sensor.Health);
        Assert.Equal(["power"], sensor.Quantities);
    }

    [Fact]
    public void A_meter_read_failure_closes_the_driver_and_reopens_it_later()
    {
        var failing = true;
        var opens = 0;
        using var sensor = new ResilientDriver("meter-1", ["power"], () =>
        {
            opens++;
            return new FlakyMeter(() => failing);
        }, _time, NullLogger.Instance);

        Assert.Equal(DataFlag.Fault, Assert.Single(sensor.Read(_time.GetUtcNow())).Flag);
        Assert.Equal(("D", "no reply from unit 1"), sensor.Health);

        failing = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DataFlag.Normal, Assert.Single(sensor.Read(_time.GetUtcNow())).Flag);
        Assert.Equal(2, opens);
    }

    [Fact]
    public void A_down_sensor_never_reports_a_value_without_its_D_flag()
    {
        var up = true;
        using var sensor = new ResilientDriver("meter-1", ["power"], () => new FlakyMeter(() => !up), _time, NullLogger.Instance);
        Assert.Equal(DataFlag.Normal, Assert.Single(sensor.Read(At)).Flag);
        up = false;
        for (var i = 0; i < 50; i++)
        {
            // The last good value is repeated while down, but always flagged D: never passed off as fresh.
            Assert.Equal(new SensorValue("power", 1.5, DataFlag.Fault), Assert.Single(sensor.Read(At)));
            _time.Advance(TimeSpan.FromSeconds(7));
        }
    }
}
