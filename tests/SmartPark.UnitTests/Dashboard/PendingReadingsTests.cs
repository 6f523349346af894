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
    public void A_burst_from_one_device_drains_as_one_update_carrying_every_reading_in_time_order()
    {
        var pending = new PendingReadings();
        for (var seq = 1; seq <= 50; seq++)
            pending.Add(Device, Update(seq, ("meter-1", "power", seq, seq)));
        pending.Add(Device, Update(51, ("voc-1", "nmhc", 2.5, 51)));

        var update = Assert.Single(pending.Drain());
        Assert.Equal(51, update.Seq);
        Assert.Equal([.. Enumerable.Range(1, 50).Select(i => (double)i), 2.5], update.Readings.Select(r => r.Value));
        Assert.Empty(pending.Drain());
    }

    [Fact]
    public void A_reading_sent_twice_is_kept_once_and_a_late_one_takes_its_place_in_time()
    {
        var merged = PendingReadings.Merge(Update(2, ("voc-1", "nmhc", 3.0, 20)), Update(3, ("voc-1", "nmhc", 1.0, 10), ("voc-1", "nmhc", 3.0, 20)));
        Assert.Equal([1.0, 3.0], merged.Readings.Select(r => r.Value));
        Assert.Equal(3, merged.Seq);
    }

    [Fact]
    public void A_very_fast_series_keeps_its_newest_readings_only()
    {
        var pending = new PendingReadings();
        for (var i = 0; i < PendingReadings.MaxPerSeries + 20; i++)
            pending.Add(Device, Update(i + 1, ("voc-1", "nmhc", i, i)));
        var kept = Assert.Single(pending.Drain()).Readings;
        Assert.Equal(PendingReadings.MaxPerSeries, kept.Count);
        Assert.Equal(PendingReadings.MaxPerSeries + 19, kept[^1].Value);
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
