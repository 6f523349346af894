using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartPark.Platform.Storage;

namespace SmartPark.Ingest.Notifications.Escalation;

/// <summary>An alarm being escalated: the transition that raised it, the level told next, and when.</summary>
public sealed record EscalationEntry(string AlertId, string TransitionJson, int NextLevel, long DueMs);

/// <summary>
/// The escalations in progress, in <c>escalation.db</c> (SQLite, WAL, <c>synchronous=FULL</c>, like
/// the outboxes beside it): one row per unacknowledged alarm, with the next level of its duty chain
/// and when it is due. A step moves the row on only from the level it read (compare and set), so a
/// step that raced an acknowledgement (row gone) or another step changes nothing.
/// </summary>
public sealed class EscalationStore : IDisposable
{
    public const string FileName = "escalation.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private EscalationStore(SqliteConnection connection) => _connection = connection;

    public static EscalationStore Open(string directory) => new(DurableSqlite.Open(Path.Combine(directory, FileName), """
        CREATE TABLE IF NOT EXISTS escalations (
            alert_id TEXT PRIMARY KEY,
            transition TEXT NOT NULL,
            next_level INTEGER NOT NULL,
            due_ms INTEGER NOT NULL);
        """));

    /// <summary>Starts escalating an alarm at level 1; false when it is (or was, and still is) escalating already.</summary>
    public Task<bool> StartAsync(string alertId, string transitionJson, long dueMs, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO escalations (alert_id, transition, next_level, due_ms) VALUES ($alert, $transition, 1, $due) ON CONFLICT (alert_id) DO NOTHING",
            cancellationToken, ("$alert", alertId), ("$transition", transitionJson), ("$due", dueMs));

    /// <summary>Stops an alarm's escalation (acknowledged or closed); false when none was running.</summary>
    public Task<bool> StopAsync(string alertId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM escalations WHERE alert_id = $alert", cancellationToken, ("$alert", alertId));

    /// <summary>Level <paramref name="level"/> was told: the next is due at <paramref name="nextDueMs"/>.</summary>
    public Task<bool> AdvanceAsync(string alertId, int level, long nextDueMs, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE escalations SET next_level = $next, due_ms = $due WHERE alert_id = $alert AND next_level = $level",
            cancellationToken, ("$alert", alertId), ("$level", level), ("$next", level + 1), ("$due", nextDueMs));

    /// <summary>Level <paramref name="level"/> was the last (the manager): the escalation is over.</summary>
    public Task<bool> FinishAsync(string alertId, int level, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM escalations WHERE alert_id = $alert AND next_level = $level", cancellationToken, ("$alert", alertId), ("$level", level));

    public async Task<IReadOnlyList<EscalationEntry>> DueAsync(long nowMs, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT alert_id, transition, next_level, due_ms FROM escalations WHERE due_ms <= $now ORDER BY due_ms, alert_id";
            command.Parameters.AddWithValue("$now", nowMs);
            using var reader = command.ExecuteReader();
            var due = new List<EscalationEntry>();
            while (reader.Read())
                due.Add(new EscalationEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));
            return due;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Alarms being escalated now.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM escalations";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Wait();
        try
        {
            _connection.Dispose();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>One statement in its own committed (fsynced) transaction; true when it changed a row.</summary>
    private async Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value);
            var changed = command.ExecuteNonQuery() > 0;
            tx.Commit();
            return changed;
        }
        finally
        {
            _lock.Release();
        }
    }
}
