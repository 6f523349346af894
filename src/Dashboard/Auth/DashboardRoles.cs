namespace SmartPark.Dashboard.Auth;

/// <summary>The people who use the Dashboard (issue 5): what each role may see.</summary>
public static class DashboardRoles
{
    /// <summary>Runs one or more parks: sees only those parks.</summary>
    public const string Operator = "operator";

    /// <summary>Environment bureau officer: emission alerts and data across their parks; may acknowledge receipt.</summary>
    public const string Bureau = "bureau";

    /// <summary>District industry bureau (区工信局) or district government: sees and edits the parks of their district.</summary>
    public const string District = "district";

    /// <summary>City industry bureau (市工信局): sees every district of their city.</summary>
    public const string City = "city";

    /// <summary>Emergency-management and fire authorities (应急管理 / 消防救援): the safety alarms (fire, electrical
    /// fire, gas, fire water) of their parks and the readings behind them, nothing else of a park (<c>Safety/SafetyRoleGate</c>).</summary>
    public const string Safety = "safety";

    /// <summary>Sees every park and manages users.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Operator, Bureau, District, City, Safety, Admin];
}
