using SmartPark.EdgeAgent.Outbox;

namespace SmartPark.UnitTests.EdgeAgent;

public sealed class BoundedOutboxTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("outbox-bound-").FullName;
    private string DbPath => Path.Combine(_dir, "outbox.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Batch(int n) => "[" + new string('x', 98) + n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "]";   // 102 bytes

    [Fact]
    public async Task A_full_outbox_drops_the_oldest_batches_and_counts_their_readings()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(DbPath, maxBytes: 500);
        for (var i = 1; i <= 4; i++)
            await outbox.AppendAsync(Batch(i), readingCount: 3, At);
        Assert.Equal(0, (await outbox.GetStatsAsync()).ReadingsDropped);

        await outbox.AppendAsync(Batch(5), 3, At);   // 510 bytes would not fit: batch 1 goes
        await outbox.AppendAsync(Batch(6), 3, At);   // and then batch 2

        var stats = await outbox.GetStatsAsync();
        Assert.Equal([3L, 4L, 5L, 6L], (await outbox.PeekAsync(10)).Select(e => e.Seq));
        Assert.Equal(6, stats.ReadingsDropped);
        Assert.Equal(18, stats.ReadingsStored);
        Assert.Equal(12, stats.PendingReadings);
        Assert.Equal(408, outbox.PendingBytes);
    }

    [Fact]
    public async Task The_bound_and_the_drop_count_survive_a_restart()
    {
        await using (var outbox = await SqliteOutbox.OpenAsync(DbPath, maxBytes: 300))
        {
            for (var i = 1; i <= 4; i++)
                await outbox.AppendAsync(Batch(i), 2, At);
        }
        await using var reopened = await SqliteOutbox.OpenAsync(DbPath, maxBytes: 300);
        Assert.Equal(204, reopened.PendingBytes);    // two 102-byte batches fit under 300
        Assert.Equal(4, (await reopened.GetStatsAsync()).ReadingsDropped);
        await reopened.AppendAsync(Batch(5), 2, At);
        Assert.Equal(6, (await reopened.GetStatsAsync()).ReadingsDropped);
    }

    [Fact]
    public async Task Acknowledging_a_batch_that_was_dropped_in_flight_does_not_count_it_twice()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(DbPath, maxBytes: 250);
        await outbox.AppendAsync(Batch(1), 5, At);
        await outbox.AppendAsync(Batch(2), 5, At);
        var inFlight = await outbox.PeekAsync(1);
        await outbox.AppendAsync(Batch(3), 5, At);   // drops batch 1 while it awaits its PUBACK

        await outbox.RemoveAsync(inFlight);

        var stats = await outbox.GetStatsAsync();
        Assert.Equal(5, stats.ReadingsDropped);
        Assert.Equal(0, stats.ReadingsAcknowledged);
        Assert.Equal(10, stats.PendingReadings);
    }
}
