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
            reopened.MarkAcknowledged(record.Id, record.Qn, 10);
        }
        // Earliest end first; at equal ends (09:59 minute and the 09:00 hour both end at 10:00) the shorter first.
        Assert.Equal(["q1", "q2", "q3"], order);
        Assert.Equal(0, reopened.PendingCount(Mn));
        Assert.False(reopened.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q10", "cp", 11)); // acknowledged: never again
        Assert.Equal(3, reopened.ExistingDataTimes(Mn, "2051", 0, 8_000_000).Count + reopened.ExistingDataTimes(Mn, "2061", 0, 8_000_000).Count);
        Assert.Equal(3, reopened.PruneAcknowledged(8_000_000));
    }

    [Fact]
    public void A_revised_period_is_pending_again_with_its_new_content_and_basis()
    {
        using var store = UplinkStore.Open(_dir);
        Assert.True(store.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q1", "cp-old", 1, "a24088:3:2.5:1:4"));
        var sent = store.OldestPending(Mn)!;
        store.MarkAcknowledged(sent.Id, sent.Qn, 2);
        Assert.Null(store.OldestPending(Mn));

        Assert.True(store.Revise(Mn, "2051", "20260101080100", "q2", "cp-new", "a24088:4:3:1:6", 3));
        var again = store.OldestPending(Mn)!;
        Assert.Equal((sent.Id, "q2", "cp-new", 0), (again.Id, again.Qn, again.Cp, again.Attempts));
        Assert.Equal("a24088:4:3:1:6", store.ExistingDataTimes(Mn, "2051", 0, 120_000)["20260101080100"]);
        Assert.False(store.Revise(Mn, "2051", "20260101080200", "q3", "cp", "b", 4)); // not in the store
    }

    [Fact]
    public void The_acknowledgement_of_an_upload_revised_in_flight_leaves_the_revision_pending()
    {
        using var store = UplinkStore.Open(_dir);
        store.Add(Mn, "2051", 60_000, 120_000, "20260101080100", "q1", "cp-old", 1, "old");
        var inFlight = store.OldestPending(Mn)!;
        store.Revise(Mn, "2051", "20260101080100", "q2", "cp-new", "new", 2);
        store.MarkAcknowledged(inFlight.Id, inFlight.Qn, 3); // the platform's 9014 for q1
        Assert.Equal("q2", store.OldestPending(Mn)!.Qn);
    }

    [Fact]
    public void A_store_from_before_revisions_gains_the_basis_column_and_its_rows_have_no_basis()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, UplinkStore.FileName)};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE records (id INTEGER PRIMARY KEY AUTOINCREMENT, mn TEXT NOT NULL, cn TEXT NOT NULL, start_ms INTEGER NOT NULL,
                    end_ms INTEGER NOT NULL, data_time TEXT NOT NULL, qn TEXT NOT NULL, cp TEXT NOT NULL, created_ms INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0, acked_ms INTEGER, UNIQUE (mn, cn, data_time));
                INSERT INTO records (mn, cn, start_ms, end_ms, data_time, qn, cp, created_ms) VALUES ('010000A8900016F000169DC0', '2051', 60000, 120000, '20260101080100', 'q1', 'cp', 1);
                """;
            create.ExecuteNonQuery();
        }
        using var store = UplinkStore.Open(_dir);
        Assert.Null(store.ExistingDataTimes(Mn, "2051", 0, 120_000)["20260101080100"]);
        Assert.True(store.Add(Mn, "2051", 120_000, 180_000, "20260101080200", "q2", "cp", 2, "basis"));
        Assert.Equal("basis", store.ExistingDataTimes(Mn, "2051", 0, 180_000)["20260101080200"]);
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
