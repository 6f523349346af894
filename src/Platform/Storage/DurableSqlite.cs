using Microsoft.Data.Sqlite;

namespace SmartPark.Platform.Storage;

/// <summary>
/// Opens the SQLite databases that hold what must survive a crash (the agent's outbox, the bureau
/// webhook's outbox, the uplink's backlog) the one way they all need: the folder created, no
/// connection pooling (one long-lived connection per store), write-ahead log, and
/// <c>synchronous = FULL</c> so a committed row is on disk before the commit returns. SQLite
/// flushes the folder itself when it creates a journal or write-ahead log, but not when it creates
/// the database file; so the folder is flushed once after opening, lest a power cut lose a new
/// database's name (and, after the first checkpoint, what was committed to it).
/// </summary>
public static class DurableSqlite
{
    /// <summary>Opens (or creates) the database at <paramref name="path"/> and runs
    /// <paramref name="schema"/> (idempotent <c>CREATE … IF NOT EXISTS</c> statements).</summary>
    public static SqliteConnection Open(string path, string schema)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;\n" + schema;
            command.ExecuteNonQuery();
            DirectorySync.FlushParentOf(path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
