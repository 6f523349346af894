using SmartPark.EdgeAgent.Outbox;

namespace SmartPark.UnitTests.EdgeAgent;

public sealed class SqliteOutboxTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("outbox-").FullName;
    private string DbPath => Path.Combine(_dir, "sub", "outbox.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Batches_come_back_in_seq_order_and_leave_only_when_removed()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(DbPath);
        var s1 = await outbox.AppendAsync("[1]", 1, At);
        var s2 = await outbox.AppendAsync("[2,2]", 2, At);
        var s3 = await outbox.AppendAsync("[3]", 1, At);
        Assert.Equal([1L, 2L, 3L], [s1, s2, s3]);

        var firstTwo = await outbox.PeekAsync(2);
        Assert.Equal([1L, 2L], firstTwo.Select(e => e.Seq));
        Assert.Equal("[2,2]", firstTwo[1].ReadingsJson);

        await outbox.RemoveAsync([firstTwo[0]]);
        Assert.Equal([2L, 3L], (await outbox.PeekAsync(10)).Select(e => e.Seq));
        Assert.Equal(new OutboxStats(PendingBatches: 2, PendingReadings: 3, ReadingsStored: 4, ReadingsAcknowledged: 1, LastSeq: 3), await outbox.GetStatsAsync());
    }

    [Fact]
    public async Task Seq_and_pending_batches_survive_a_restart()
    {
        await using (var outbox = await SqliteOutbox.OpenAsync(DbPath))
        {
            await outbox.AppendAsync("[1]", 1, At);
            await outbox.AppendAsync("[2]", 1, At);
        }
        await using (var reopened = await SqliteOutbox.OpenAsync(DbPath))
        {
            Assert.Equal([1L, 2L], (await reopened.PeekAsync(10)).Select(e => e.Seq));
            Assert.Equal(3, await reopened.AppendAsync("[3]", 1, At));
        }
    }

    [Fact]
    public async Task Seq_is_never_reused_even_when_the_outbox_was_emptied_before_a_restart()
    {
        await using (var outbox = await SqliteOutbox.OpenAsync(DbPath))
        {
            await outbox.AppendAsync("[1]", 1, At);
            await outbox.AppendAsync("[2]", 1, At);
            await outbox.RemoveAsync(await outbox.PeekAsync(10));
            Assert.Equal(0, (await outbox.GetStatsAsync()).PendingBatches);
        }
        await using var reopened = await SqliteOutbox.OpenAsync(DbPath);
        Assert.Equal(3, await reopened.AppendAsync("[3]", 1, At));
        Assert.Equal(3, (await reopened.GetStatsAsync()).LastSeq);
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_consecutive_seqs()
    {
        await using var outbox = await SqliteOutbox.OpenAsync(DbPath);
        var seqs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => outbox.AppendAsync("[0]", 1, At)));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), seqs.Order());
    }
}
