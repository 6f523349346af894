using Microsoft.Data.Sqlite;

namespace SmartPark.EdgeAgent.Outbox;

/// <summary>
/// The durable outbox: every sampled batch is committed here before anything is sent, and
/// removed only once the broker has acknowledged it. SQLite in WAL mode with
/// <c>synchronous=FULL</c> means a committed batch survives power loss, not just a crash.
/// <c>seq</c> is an AUTOINCREMENT key: SQLite never reuses one, even after the rows are
/// deleted and the agent restarts, which is exactly the contract's "rises by one and survives
/// restarts". One connection, serialised by a semaphore (a SQLite connection is single-threaded).
/// </summary>
public sealed class SqliteOutbox : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private SqliteOutbox(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteOutbox> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    readings TEXT NOT NULL,
                    reading_count INTEGER NOT NULL,
                    stored_at_ms INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS counters (
                    name TEXT PRIMARY KEY,
                    value INTEGER NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return new SqliteOutbox(connection);
    }

    /// <summary>Stores one batch durably and returns its seq.</summary>
    public async Task<long> AppendAsync(string readingsJson, int readingCount, DateTimeOffset storedAt, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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
            delete.CommandText = "DELETE FROM outbox WHERE seq = $seq";
            var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var entry in acknowledged)
            {
                seq.Value = entry.Seq;
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using var count = _connection.CreateCommand();
            count.Transaction = tx;
            count.CommandText = """
                INSERT INTO counters (name, value) VALUES ('readings_acknowledged', $n)
                    ON CONFLICT (name) DO UPDATE SET value = value + excluded.value;
                """;
            count.Parameters.AddWithValue("$n", acknowledged.Sum(e => (long)e.ReadingCount));
            await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
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
                       (SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'outbox');
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }
        finally
        {
            _lock.Release();
        }
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
