namespace SmartPark.ParkData;

/// <summary>Section <c>ParkDatabase</c>: which database holds the parks, shared by every service.</summary>
public sealed class ParkDatabaseOptions
{
    public const string Section = "ParkDatabase";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = ParkDatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string: for SQLite a <c>Data Source=…/parks.db</c>, for PostgreSQL an Npgsql
    /// string. Unset: no park database (the services fall back to a registry file, if any).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (the Dashboard, which owns the schema, does; readers need not).</summary>
    public bool Migrate { get; set; }

    /// <summary>How often readers look at the registry revision for a change made elsewhere.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}

public static class ParkDatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public static IReadOnlyList<string> All { get; } = [Sqlite, Postgres];
}
