using Microsoft.Data.Sqlite;
using SmartPark.Platform.Storage;

namespace SmartPark.EdgeAgent.Outbox;

/// <summary>
/// The durable outbox: every sampled batch is committed here before anything is sent, and
/// removed only once the broker has acknowledged it. SQLite in WAL mode with
/// <c>synchronous=FULL</c> means a committed batch survives power loss, not just a crash.
/// <c>seq</c> is an AUTOINCREMENT key: SQLite never reuses one, even after the rows are
/// deleted and the agent restarts, which is exactly the contract's "rises by one and survives
/// restarts". One connection, serialised by a semaphore (a SQLite connection is single-threaded).
/// The stored readings are bounded (<c>maxBytes</c> of readings JSON): when a new batch would
/// not fit, the oldest batches are deleted in the same transaction and their readings counted
/// in <c>readings_dropped</c>, which the agent reports in its status. Loss is never silent.
/// </summary>
public sealed class SqliteOutbox : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly long _maxBytes;
    private long _pendingBytes;

    private SqliteOutbox(SqliteConnection connection, long maxBytes, long pendingBytes)
    {
        _connection = connection;
        _maxBytes = maxBytes;
        _pendingBytes = pendingBytes;
    }

    /// <param name="path">The database file.</param>
    /// <param name="maxBytes">The most readings JSON kept; older batches are dropped (and counted) beyond it.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public static async Task<SqliteOutbox> OpenAsync(string path, long maxBytes = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var connection = DurableSqlite.Open(path, """
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                readings TEXT NOT NULL,
                reading_count INTEGER NOT NULL,
                stored_at_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS counters (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL);
            """);
        await using var size = connection.CreateCommand();
        size.CommandText = "SELECT COALESCE(SUM(length(CAST(readings AS BLOB))), 0) FROM outbox";
        var pendingBytes = (long)(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new SqliteOutbox(connection, maxBytes, pendingBytes);
    }

    /// <summary>Stores one batch durably and returns its seq.</summary>
    public async Task<long> AppendAsync(string readingsJson, int readingCount, DateTimeOffset storedAt, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = (long)System.Text.Encoding.UTF8.GetByteCount(readingsJson);
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var freed = _pendingBytes + bytes > _maxBytes
                ? await DropOldestAsync(tx, _pendingBytes + bytes - _maxBytes, cancellationToken).ConfigureAwait(false)
                : 0;
            await using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO outbox (readings, reading_count, stored_at_ms) VALUES ($readings, $count, $at);
                INSERT INTO counters (name, value) VALUES ('readings_stored', $count)
                    ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
                SELECT last_insert_rowid();
                """;
            command.Parameters.AddWithValue("$readings", readingsJson);
            command.Parameters.AddWithValue("$count", readingCount);
            command.Parameters.AddWithValue("$at", storedAt.ToUnixTimeMilliseconds());
            var seq = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _pendingBytes += bytes - freed;
            return seq;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The oldest batches, in seq order.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PeekAsync(int max, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, readings, reading_count FROM outbox ORDER BY seq LIMIT $max";
            command.Parameters.AddWithValue("$max", max);
            var entries = new List<OutboxEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
            return entries;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Removes batches the broker has acknowledged.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<OutboxEntry> acknowledged, CancellationToken cancellationToken = default)
    {
        if (acknowledged.Count == 0)
            return;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var delete = _connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM outbox WHERE seq = $seq RETURNING reading_count, length(CAST(readings AS BLOB))";
            var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
            long removedReadings = 0, removedBytes = 0;
            foreach (var entry in acknowledged)
            {
                // A batch the full outbox dropped while it was in flight is already counted as dropped.
                seq.Value = entry.Seq;
                await using var deleted = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await deleted.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    removedReadings += deleted.GetInt64(0);
                    removedBytes += deleted.GetInt64(1);
                }
            }
            await using var count = _connection.CreateCommand();
            count.Transaction = tx;
            count.CommandText = """
                INSERT INTO counters (name, value) VALUES ('readings_acknowledged', $n)
                    ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
                """;
            count.Parameters.AddWithValue("$n", removedReadings);
            await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _pendingBytes -= removedBytes;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM outbox),
                       (SELECT COALESCE(SUM(reading_count), 0) FROM outbox),
                       (SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = 'readings_stored'),
                       (SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = 'readings_acknowledged'),
                       (SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'),
                       (SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = 'readings_dropped');
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The bytes of readings JSON waiting now (what the bound applies to).</summary>
    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>
    /// Deletes the oldest batches until at least <paramref name="needed"/> bytes are free, inside
    /// the caller's transaction, and counts their readings as dropped. Returns the bytes freed.
    /// </summary>
    private async Task<long> DropOldestAsync(SqliteTransaction tx, long needed, CancellationToken cancellationToken)
    {
        long freed = 0, readings = 0, lastSeq = 0;
        await using (var oldest = _connection.CreateCommand())
        {
            oldest.Transaction = tx;
            oldest.CommandText = "SELECT seq, length(CAST(readings AS BLOB)), reading_count FROM outbox ORDER BY seq";
            await using var reader = await oldest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (freed < needed && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lastSeq = reader.GetInt64(0);
                freed += reader.GetInt64(1);
                readings += reader.GetInt64(2);
            }
        }
        if (lastSeq == 0)
            return 0;
        await using var drop = _connection.CreateCommand();
        drop.Transaction = tx;
        drop.CommandText = """
            DELETE FROM outbox WHERE seq <= $last;
            INSERT INTO counters (name, value) VALUES ('readings_dropped', $n)
                ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
            """;
        drop.Parameters.AddWithValue("$last", lastSeq);
        drop.Parameters.AddWithValue("$n", readings);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return freed;
    }

    public async ValueTask DisposeAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
            _lock.Dispose();
        }
    }
}
