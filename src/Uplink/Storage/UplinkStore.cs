using Microsoft.Data.Sqlite;
using SmartPark.Platform.Storage;

namespace SmartPark.Uplink.Storage;

/// <summary>
/// The uplink's durable state in SQLite (WAL, <c>synchronous=FULL</c>, like Ingest's outbox): every
/// period upload created (unique per MN, CN and DataTime, so a period is never created twice),
/// the data it was made from (its basis), whether the platform acknowledged it, and the settings
/// hosts changed. A period is in the store before it is sent and marked acknowledged only after
/// the platform's 9014, so a crash or an outage loses nothing. An acknowledged period is sent
/// again only when it is revised: its data changed since (late readings filled it).
/// </summary>
public sealed class UplinkStore : IDisposable
{
    public const string FileName = "uplink.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private UplinkStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static UplinkStore Open(string directory)
    {
        var connection = DurableSqlite.Open(Path.Combine(directory, FileName), """
            CREATE TABLE IF NOT EXISTS points (
                mn TEXT PRIMARY KEY,
                since_ms INTEGER NOT NULL,
                rtd_interval_ms INTEGER,
                rtd_enabled INTEGER NOT NULL DEFAULT 1,
                min_interval INTEGER,
                min_from_ms INTEGER NOT NULL DEFAULT 0,
                prev_min_interval INTEGER,
                reply_timeout_ms INTEGER,
                retries INTEGER);
            CREATE TABLE IF NOT EXISTS records (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                mn TEXT NOT NULL,
                cn TEXT NOT NULL,
                start_ms INTEGER NOT NULL,
                end_ms INTEGER NOT NULL,
                data_time TEXT NOT NULL,
                qn TEXT NOT NULL,
                cp TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                acked_ms INTEGER,
                UNIQUE (mn, cn, data_time));
            CREATE INDEX IF NOT EXISTS records_pending ON records (mn, acked_ms, end_ms);
            """);
        AddBasisColumn(connection);
        return new UplinkStore(connection);
    }

    /// <summary>Stores made before revisions existed lack the column; their rows keep a null basis
    /// (unknown, so never revised) until they are pruned.</summary>
    private static void AddBasisColumn(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('records') WHERE name = 'basis'";
        if ((long)probe.ExecuteScalar()! > 0)
            return;
        using var alter = connection.CreateCommand();
        alter.CommandText = "ALTER TABLE records ADD COLUMN basis TEXT";
        alter.ExecuteNonQuery();
    }

    /// <summary>The point's stored settings, creating its row (with <paramref name="sinceMs"/>) the first time.</summary>
    public StoredSettings LoadPoint(string mn, long sinceMs)
    {
        lock (_gate)
        {
            Execute("INSERT OR IGNORE INTO points (mn, since_ms) VALUES ($mn, $since)", ("$mn", mn), ("$since", sinceMs));
            using var command = Command("SELECT since_ms, rtd_interval_ms, rtd_enabled, min_interval, min_from_ms, prev_min_interval, reply_timeout_ms, retries FROM points WHERE mn = $mn", ("$mn", mn));
            using var reader = command.ExecuteReader();
            reader.Read();
            return new StoredSettings(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.GetInt64(2) != 0,
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7));
        }
    }

    public void SaveSettings(string mn, StoredSettings settings)
    {
        lock (_gate)
        {
            Execute("""
                UPDATE points SET rtd_interval_ms = $rtd, rtd_enabled = $enabled, min_interval = $min, min_from_ms = $from,
                    prev_min_interval = $prev, reply_timeout_ms = $timeout, retries = $retries WHERE mn = $mn
                """,
                ("$mn", mn), ("$rtd", settings.RtdIntervalMs), ("$enabled", settings.RtdEnabled ? 1 : 0), ("$min", settings.MinInterval),
                ("$from", settings.MinIntervalFromMs), ("$prev", settings.PreviousMinInterval), ("$timeout", settings.ReplyTimeoutMs), ("$retries", settings.Retries));
        }
    }

    /// <summary>The DataTimes of a CN already created for a point between two period starts, with the basis each was made from (null if unknown).</summary>
    public Dictionary<string, string?> ExistingDataTimes(string mn, string cn, long fromMs, long toMs)
    {
        lock (_gate)
        {
            using var command = Command("SELECT data_time, basis FROM records WHERE mn = $mn AND cn = $cn AND start_ms >= $from AND start_ms < $to",
                ("$mn", mn), ("$cn", cn), ("$from", fromMs), ("$to", toMs));
            using var reader = command.ExecuteReader();
            var found = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (reader.Read())
                found[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            return found;
        }
    }

    /// <summary>Adds a period upload; false when that (MN, CN, DataTime) exists already.</summary>
    public bool Add(string mn, string cn, long startMs, long endMs, string dataTime, string qn, string cp, long nowMs, string? basis = null)
    {
        lock (_gate)
        {
            return Execute("""
                INSERT OR IGNORE INTO records (mn, cn, start_ms, end_ms, data_time, qn, cp, created_ms, basis)
                VALUES ($mn, $cn, $start, $end, $dt, $qn, $cp, $now, $basis)
                """, ("$mn", mn), ("$cn", cn), ("$start", startMs), ("$end", endMs), ("$dt", dataTime), ("$qn", qn), ("$cp", cp), ("$now", nowMs), ("$basis", basis)) == 1;
        }
    }

    /// <summary>
    /// Replaces a period's upload with one made from changed data and makes it pending again, so
    /// the platform gets the corrected values under a new QN (HJ 212 platforms keep the latest
    /// upload of a DataTime). False when the period is not in the store.
    /// </summary>
    public bool Revise(string mn, string cn, string dataTime, string qn, string cp, string basis, long nowMs)
    {
        lock (_gate)
        {
            return Execute("""
                UPDATE records SET qn = $qn, cp = $cp, basis = $basis, created_ms = $now, attempts = 0, acked_ms = NULL
                WHERE mn = $mn AND cn = $cn AND data_time = $dt
                """, ("$mn", mn), ("$cn", cn), ("$dt", dataTime), ("$qn", qn), ("$cp", cp), ("$basis", basis), ("$now", nowMs)) == 1;
        }
    }

    /// <summary>The oldest period not yet acknowledged: earliest end first, the shorter period first at equal ends.</summary>
    public UplinkRecord? OldestPending(string mn)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT id, mn, cn, start_ms, end_ms, data_time, qn, cp, attempts FROM records
                WHERE mn = $mn AND acked_ms IS NULL ORDER BY end_ms, end_ms - start_ms, id LIMIT 1
                """, ("$mn", mn));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new UplinkRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt32(8))
                : null;
        }
    }

    public void CountAttempt(long id)
    {
        lock (_gate)
            Execute("UPDATE records SET attempts = attempts + 1 WHERE id = $id", ("$id", id));
    }

    /// <summary>Marks the upload sent under <paramref name="qn"/> acknowledged; a revision made
    /// while it was in flight has another QN and stays pending.</summary>
    public void MarkAcknowledged(long id, string qn, long nowMs)
    {
        lock (_gate)
            Execute("UPDATE records SET acked_ms = $now WHERE id = $id AND qn = $qn", ("$id", id), ("$qn", qn), ("$now", nowMs));
    }

    public long PendingCount(string? mn = null)
    {
        lock (_gate)
        {
            using var command = mn is null
                ? Command("SELECT COUNT(*) FROM records WHERE acked_ms IS NULL")
                : Command("SELECT COUNT(*) FROM records WHERE acked_ms IS NULL AND mn = $mn", ("$mn", mn));
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Forgets acknowledged periods that ended before <paramref name="beforeMs"/> (beyond the lookback, they cannot be created again).</summary>
    public int PruneAcknowledged(long beforeMs)
    {
        lock (_gate)
            return Execute("DELETE FROM records WHERE acked_ms IS NOT NULL AND end_ms < $before", ("$before", beforeMs));
    }

    public void Dispose() => _connection.Dispose();

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }
}
