using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Hardware;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Hardware;

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
}
