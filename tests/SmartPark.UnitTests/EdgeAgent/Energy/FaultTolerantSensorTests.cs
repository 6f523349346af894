using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.EdgeAgent.Drivers;

namespace SmartPark.UnitTests.EdgeAgent.Energy;

public sealed class FaultTolerantSensorTests
{
    private sealed class FlakyDriver(Func<bool> fails) : ISensorDriver
    {
        public string SensorId => "meter-1";
        public IReadOnlyList<string> Quantities { get; } = ["power"];
        public IReadOnlyList<SensorValue> Read(DateTimeOffset at) =>
            fails() ? throw new IOException("no reply from unit 1") : [new("power", 1.5)];
    }

    [Fact]
    public void A_sensor_that_cannot_open_is_flagged_D_and_retried_with_doubling_backoff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var opens = 0;
        var hardwarePresent = false;
        using var sensor = new FaultTolerantSensor("meter-1", () =>
        {
            opens++;
            return hardwarePresent ? new FlakyDriver(() => false) : throw new IOException("Serial device /dev/ttyUSB0 does not exist");
        }, time, NullLogger.Instance).OpenEarly();

        Assert.Equal(("D", "Serial device /dev/ttyUSB0 does not exist"), sensor.Health);
        Assert.Empty(sensor.Read(time.GetUtcNow()));
        Assert.Equal(1, opens);                         // still backing off: not tried again

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(sensor.Read(time.GetUtcNow()));
        Assert.Equal(2, opens);
        Assert.Equal(TimeSpan.FromSeconds(2), sensor.NextAttempt - time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(sensor.Read(time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromSeconds(4), sensor.NextAttempt - time.GetUtcNow());

        hardwarePresent = true;
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1.5, Assert.Single(sensor.Read(time.GetUtcNow())).Value);
        Assert.Equal(("N", null), sensor.Health);
        Assert.Equal(["power"], sensor.Quantities);
    }

    [Fact]
    public void Backoff_stops_growing_at_five_minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var sensor = new FaultTolerantSensor("meter-1", () => throw new IOException("gone"), time, NullLogger.Instance);
        for (var i = 0; i < 30; i++)
        {
            time.SetUtcNow(sensor.NextAttempt < time.GetUtcNow() ? time.GetUtcNow() : sensor.NextAttempt);
            sensor.Read(time.GetUtcNow());
        }
        Assert.Equal(FaultTolerantSensor.MaxRetry, sensor.NextAttempt - time.GetUtcNow());
    }

    [Fact]
    public void A_read_failure_closes_the_driver_and_reopens_it_later()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var failing = true;
        var opens = 0;
        using var sensor = new FaultTolerantSensor("meter-1", () =>
        {
            opens++;
            return new FlakyDriver(() => failing);
        }, time, NullLogger.Instance);

        Assert.Empty(sensor.Read(time.GetUtcNow()));
        Assert.Equal(("D", "no reply from unit 1"), sensor.Health);

        failing = false;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(sensor.Read(time.GetUtcNow()));
        Assert.Equal(2, opens);
    }
}
