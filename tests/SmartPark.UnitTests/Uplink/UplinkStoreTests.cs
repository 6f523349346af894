using SmartPark.Uplink.Storage;

namespace SmartPark.UnitTests.Uplink;

public sealed class UplinkStoreTests : IDisposable
{
    private const string Mn = "010000A8900016F000169DC0";
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-uplink-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_period_is_created_once_and_pending_ones_come_oldest_first_across_a_reopen()
    {
        using (var store = UplinkStore.Open(_dir))
        {
            store.LoadPoint(Mn, 0);
            Assert.True(store.Add(Mn, "2061", 3_600_000, 7_200_000, "20260101090000", "q3", "cp", 1));
            Assert.True(store.Add(Mn, "2051", 7_140_000, 7_200_000, "20260101095900", "q2", "cp", 1));
            Assert.True(store.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q1", "cp", 1));
            Assert.False(store.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q9", "other", 2));
        }
        using var reopened = UplinkStore.Open(_dir);
        var order = new List<string>();
        while (reopened.OldestPending(Mn) is { } record)
        {
            order.Add(record.Qn);
            reopened.MarkAcknowledged(record.Id, 10);
        }
        // Earliest end first; at equal ends (09:59 minute and the 09:00 hour both end at 10:00) the shorter first.
        Assert.Equal(["q1", "q2", "q3"], order);
        Assert.Equal(0, reopened.PendingCount(Mn));
        Assert.False(reopened.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q10", "cp", 11)); // acknowledged: never again
        Assert.Equal(3, reopened.ExistingDataTimes(Mn, "2051", 0, 8_000_000).Count + reopened.ExistingDataTimes(Mn, "2061", 0, 8_000_000).Count);
        Assert.Equal(3, reopened.PruneAcknowledged(8_000_000));
    }

    [Fact]
    public void Settings_a_host_changed_survive_a_reopen_and_since_is_kept_from_the_first_sight()
    {
        using (var store = UplinkStore.Open(_dir))
        {
            var first = store.LoadPoint(Mn, 1000);
            store.SaveSettings(Mn, first with { RtdIntervalMs = 60_000, RtdEnabled = false, MinInterval = 5, Retries = 2 });
        }
        using var reopened = UplinkStore.Open(_dir);
        var settings = reopened.LoadPoint(Mn, 99_999);
        Assert.Equal((1000L, 60_000L, false, 5, 2), (settings.SinceMs, settings.RtdIntervalMs!.Value, settings.RtdEnabled, settings.MinInterval!.Value, settings.Retries!.Value));
    }
}
