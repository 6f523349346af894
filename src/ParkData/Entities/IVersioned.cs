namespace SmartPark.ParkData.Entities;

/// <summary>
/// A row two people may edit at once. <see cref="Version"/> is the concurrency token: every save
/// raises it, and a save whose original version no longer matches the row fails with
/// <c>DbUpdateConcurrencyException</c> instead of overwriting the other person's change. A plain
/// counter rather than PostgreSQL's <c>xmin</c> so that SQLite and PostgreSQL behave the same.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>A row whose changes are written to the audit trail (<see cref="AuditEntry"/>).</summary>
public interface IAudited
{
    /// <summary>What the audit trail calls this row: <c>park:baiyun-shimen</c>.</summary>
    string AuditKey { get; }
}

/// <summary>A row the runtime registry (broker accounts, topic rules, alert rules, tiles) is built from.</summary>
public interface IRegistryRow;
