namespace SmartPark.ParkData.Entities;

/// <summary>
/// One change to the park database: who made it, when, to which row, and the row's values
/// before and after as JSON (null before a creation, null after a deletion). Written in the same
/// transaction as the change, so there is no change without its entry. Never updated.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC (a DateTime rather than an offset: SQLite orders and compares it in SQL).</summary>
    public DateTime At { get; set; }

    /// <summary>The signed-in user, or <c>import:FILE</c>, <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The entity type: <c>Park</c>, <c>Enterprise</c>, …</summary>
    public required string Entity { get; set; }

    /// <summary>The row's <see cref="IAudited.AuditKey"/>.</summary>
    public required string Key { get; set; }

    /// <summary>The park the row belongs to, when it belongs to one (so a park's history is one query).</summary>
    public string? ParkId { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}
