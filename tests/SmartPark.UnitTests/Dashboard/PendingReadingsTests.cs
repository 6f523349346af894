using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;

namespace SmartPark.UnitTests.Dashboard;

public sealed class PendingReadingsTests
{
    private static readonly DeviceAddress Device = new("p1", "e1", "d1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static ReadingsUpdate Update(long seq, params (string Sensor, string Quantity, double Value, int Second)[] readings) =>
        new("p1", "e1", "d1", seq, T0.AddSeconds(seq), [.. readings.Select(r => new ReadingView(r.Sensor, r.Quantity, r.Value, "x", T0.AddSeconds(r.Second), "N"))]);

    [Fact]
    public void A_burst_from_one_device_drains_as_one_update_with_the_latest_reading_of_each_sensor()
    {
        var pending = new PendingReadings();
        for (var seq = 1; seq <= 50; seq++)
            pending.Add(Device, Update(seq, ("meter-1", "power", seq, seq)));
        pending.Add(Device, Update(51, ("voc-1", "nmhc", 2.5, 51)));

        var update = Assert.Single(pending.Drain());
        Assert.Equal(51, update.Seq);
        Assert.Equal([("meter-1", 50.0), ("voc-1", 2.5)], update.Readings.OrderBy(r => r.Sensor).Select(r => (r.Sensor, r.Value)));
        Assert.Empty(pending.Drain());
    }

    [Fact]
    public void A_late_batch_does_not_replace_a_newer_reading()
    {
        var merged = PendingReadings.Merge(Update(2, ("voc-1", "nmhc", 3.0, 20)), Update(3, ("voc-1", "nmhc", 1.0, 10)));
        Assert.Equal(3.0, Assert.Single(merged.Readings).Value);
        Assert.Equal(3, merged.Seq);
    }

    [Fact]
    public void Devices_are_kept_apart()
    {
        var pending = new PendingReadings();
        pending.Add(Device, Update(1, ("voc-1", "nmhc", 1, 1)));
        pending.Add(Device with { Device = "d2" }, Update(1, ("voc-1", "nmhc", 2, 1)) with { Device = "d2" });
        Assert.Equal(["d1", "d2"], pending.Drain().Select(u => u.Device).Order());
    }
}
