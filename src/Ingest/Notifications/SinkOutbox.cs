using Microsoft.Data.Sqlite;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// The durable outbox of one sink's messages, and the alerts being reminded of. SQLite (WAL,
/// <c>synchronous=FULL</c>) rather than an append-only file like <c>DiskSpool</c>: notifications
/// leave one by one, per alert and out of global order, and reminders are state that changes in
/// place; a transaction that commits both the notification and the reminder change in one fsync
/// is what a hand-made log would have to reinvent (with compaction). The EdgeAgent's outbox uses
/// the same settings. One connection, serialised by a semaphore. Each sink has its own file,
/// <c>&lt;name&gt;-outbox.db</c>, so one sink's backlog or broken disk never holds up another's.
/// </summary>
public sealed class SinkOutbox : IAsyncDisposable
{
    /// <summary>The outbox file of the sink named <paramref name="sink"/> (the bureau's is <c>bureau-outbox.db</c>).</summary>
    public static string FileName(string sink) => $"{sink}-outbox.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _depth;

    private SinkOutbox(SqliteConnection connection, long depth)
    {
        _connection = connection;
        _depth = depth;
    }

    /// <summary>Messages not yet delivered.</summary>
    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>Opens (or creates) the outbox of sink <paramref name="sink"/> in <paramref name="directory"/>;
    /// synchronous, like SQLite itself, so it can be opened lazily on first use.</summary>
    public static SinkOutbox Open(string directory, string sink)
    {
        var connection = DurableSqlite.Open(Path.Combine(directory, FileName(sink)), """
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                body BLOB NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_ms INTEGER NOT NULL,
                last_error TEXT);
            CREATE INDEX IF NOT EXISTS outbox_by_alert ON outbox (alert_id, id);
            CREATE TABLE IF NOT EXISTS reminders (
                alert_id TEXT PRIMARY KEY,
                transition TEXT NOT NULL,
                count INTEGER NOT NULL,
                next_due_ms INTEGER NOT NULL);
            """);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox";
        var depth = (long)command.ExecuteScalar()!;
        return new SinkOutbox(connection, depth);
    }

    /// <summary>Stores a notification and the change to its alert's reminders in one durable
    /// transaction. False when a notification with this key is already waiting: a repeat, which
    /// leaves the reminders alone too (their count must not restart).</summary>
    public async Task<bool> AddAsync(string alertId, string key, byte[] body, long dueMs, ReminderChange reminder, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            var added = Insert(tx, alertId, key, body, dueMs);
            switch (added ? reminder : ReminderChange.None)
            {
                case ReminderChange.Track track:
                    Execute(tx, """
                        INSERT INTO reminders (alert_id, transition, count, next_due_ms) VALUES ($alert, $transition, 0, $due)
                            ON CONFLICT (alert_id) DO UPDATE SET transition = excluded.transition, count = 0, next_due_ms = excluded.next_due_ms
                        """, ("$alert", alertId), ("$transition", track.TransitionJson), ("$due", track.NextDueMs));
                    break;
                case ReminderChange.StopReminding:
                    Execute(tx, "DELETE FROM reminders WHERE alert_id = $alert", ("$alert", alertId));
                    break;
            }
            tx.Commit();
            if (added)
                Interlocked.Increment(ref _depth);
            return added;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stores a reminder notification and moves the alert's next reminder on, together.</summary>
    public async Task AddReminderAsync(ReminderEntry entry, string key, byte[] body, long dueMs, long nextDueMs, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            var added = Insert(tx, entry.AlertId, key, body, dueMs);
            Execute(tx, "UPDATE reminders SET count = $count, next_due_ms = $due WHERE alert_id = $alert",
                ("$alert", entry.AlertId), ("$count", entry.Count + 1), ("$due", nextDueMs));
            tx.Commit();
            if (added)
                Interlocked.Increment(ref _depth);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The oldest waiting notification of every alert (only those may be sent), soonest due first.</summary>
    public async Task<IReadOnlyList<OutboxItem>> HeadsAsync(int max, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT id, alert_id, idempotency_key, body, attempts, next_attempt_ms FROM outbox
                WHERE id IN (SELECT MIN(id) FROM outbox GROUP BY alert_id)
                ORDER BY next_attempt_ms, id LIMIT $max
                """;
            command.Parameters.AddWithValue("$max", max);
            var heads = new List<OutboxItem>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
                heads.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader[3], reader.GetInt32(4), reader.GetInt64(5)));
            return heads;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DeliveredAsync(long id, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            if (Execute(tx, "DELETE FROM outbox WHERE id = $id", ("$id", id)) > 0)
                Interlocked.Decrement(ref _depth);
            tx.Commit();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Records a failed attempt, so the count and the next try survive a restart.</summary>
    public async Task FailedAsync(long id, int attempts, long nextAttemptMs, string error, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            Execute(tx, "UPDATE outbox SET attempts = $attempts, next_attempt_ms = $next, last_error = $error WHERE id = $id",
                ("$id", id), ("$attempts", attempts), ("$next", nextAttemptMs), ("$error", error));
            tx.Commit();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IReadOnlyList<ReminderEntry>> DueRemindersAsync(long nowMs, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT alert_id, transition, count, next_due_ms FROM reminders WHERE next_due_ms <= $now ORDER BY next_due_ms";
            command.Parameters.AddWithValue("$now", nowMs);
            var due = new List<ReminderEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
                due.Add(new ReminderEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
            return due;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Alerts being reminded of (unacknowledged, open).</summary>
    public async Task<int> RemindedAlertsAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM reminders";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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
        }
    }

    private bool Insert(SqliteTransaction tx, string alertId, string key, byte[] body, long dueMs) =>
        Execute(tx, """
            INSERT INTO outbox (alert_id, idempotency_key, body, next_attempt_ms) VALUES ($alert, $key, $body, $due)
                ON CONFLICT (idempotency_key) DO NOTHING
            """, ("$alert", alertId), ("$key", key), ("$body", body), ("$due", dueMs)) > 0;

    private int Execute(SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }
}
