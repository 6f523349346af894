namespace SmartPark.Dashboard.Auth;

/// <summary>The people who use the Dashboard (issue 5): what each role may see.</summary>
public static class DashboardRoles
{
    /// <summary>Runs one or more parks: sees only those parks.</summary>
    public const string Operator = "operator";

    /// <summary>Environment bureau officer: emission alerts and data across their parks; may acknowledge receipt.</summary>
    public const string Bureau = "bureau";

    /// <summary>Sees every park.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Operator, Bureau, Admin];
}
